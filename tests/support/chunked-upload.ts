import { request } from "node:http";

export type ChunkedResult = { status: number; contentType: string; body: string; bytesSent: number };

/**
 * Streams up to `limit` bytes of a JSON-looking body with `Transfer-Encoding: chunked`
 * (no Content-Length, so only counting while reading can stop it) and resolves with
 * the response as soon as it arrives. `bytesSent` shows how much the server took before
 * answering; writes after the answer may fail, which is the point.
 */
export function chunkedUpload(method: string, url: string, headers: Record<string, string>, limit: number): Promise<ChunkedResult> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(16 * 1024, "x");
    let bytesSent = 0;
    let answered = false;
    const req = request(url, { method, headers: { ...headers, "content-type": "application/json", "transfer-encoding": "chunked" } }, (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body: Buffer.concat(parts).toString(), bytesSent });
        req.destroy();
      });
      res.on("error", reject);
    });
    // A reset after the answer is the server hanging up on the rest of the upload.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    // The start of a valid JSON object, so only the size can be what the server refuses.
    req.write('{"name":"');
    const pump = () => {
      while (!answered && bytesSent < limit) {
        bytesSent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}
