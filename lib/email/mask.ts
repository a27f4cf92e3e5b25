// Email addresses kept for staff to read (a delivery's recipient, a mail server's reply) are masked the same
// way everywhere: the local part's first character, "***", then the domain ("j***@example.com").

// A local part is RFC 5322 atext (letters, digits and ! # $ % & ' * + - / = ? ^ _ ` { | } ~) with dots, or
// UTF-8 letters (RFC 6531): anything but space, "@" and the specials that end an address in a reply
// (< > ( ) [ ] " , ; : \). An apostrophe is atext, so "mary'smith@" is one local part, not "smith@".
const ADDRESS = /[^\s<>()[\]",;:@\\]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** "mary'smith@example.com" → "m***@example.com". */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  return `${address.slice(0, Math.min(1, Math.max(at, 0)))}***@${address.slice(at + 1)}`;
}

/** "550 5.1.1 <jane@example.com>: unknown" → "550 5.1.1 <j***@example.com>: unknown". */
export function maskAddresses(text: string): string {
  return text.replace(ADDRESS, maskAddress);
}
