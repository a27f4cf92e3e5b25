import { describe, expect, it } from "vitest";
import { readBody, readFormData } from "@/lib/server/request-body";

/** A chunked body of `total` bytes made as it is read, counting how much was pulled. */
function endless(total: number, headers: Record<string, string> = {}) {
  let pulled = 0;
  const chunk = new Uint8Array(64 * 1024).fill(97);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return {
    request: new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit),
    pulled: () => pulled,
  };
}

describe("reading a request body within a limit", () => {
  it("stops reading a 400 MB chunked body as soon as it passes the limit", async () => {
    const { request, pulled } = endless(400 * 1024 * 1024);
    await expect(readBody(request, 64 * 1024)).rejects.toMatchObject({ code: "TOO_LARGE" });
    expect(pulled()).toBeLessThanOrEqual(4 * 64 * 1024);
  });

  it("refuses a declared length over the limit without reading anything", async () => {
    const { request, pulled } = endless(1024 * 1024, { "content-length": String(1024 * 1024) });
    await expect(readBody(request, 1000)).rejects.toMatchObject({ code: "TOO_LARGE" });
    // At most the one chunk a stream buffers on its own (its high-water mark): nothing for the reader.
    expect(pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it("reads a form within the limit", async () => {
    const form = new URLSearchParams({ title: "Knee", notes: "Walk" });
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: form,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const read = await readFormData(request, 1024);
    expect(read.get("title")).toBe("Knee");
    expect(read.get("notes")).toBe("Walk");
  });
});
