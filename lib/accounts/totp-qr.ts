import "server-only";
import QRCode from "qrcode";

/** The QR code of an otpauth:// address, drawn here as an SVG data URL (no image service sees the secret). */
export async function qrCodeDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
