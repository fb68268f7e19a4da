import { describe, expect, it } from "vitest";
import { FrontendStream, StatementTracker, type FrontendMessage } from "./pg-frontend-messages";

// Messages encoded by hand from the protocol documentation, independently of the parser.
const cstr = (s: string) => Buffer.concat([Buffer.from(s, "utf8"), Buffer.from([0])]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const int16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const untyped = (...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([int32(body.length + 4), body]);
};
const typed = (code: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from(code), int32(body.length + 4), body]);
};

const sslRequest = untyped(int32(80877103));
const gssencRequest = untyped(int32(80877104));
const cancelRequest = untyped(int32(80877102), int32(4242), int32(987654));
const startup = untyped(int32(196608), cstr("user"), cstr("app"), cstr("database"), cstr("tenantkit"), cstr(""));
const query = (sql: string) => typed("Q", cstr(sql));
const parse = (statement: string, sql: string) => typed("P", cstr(statement), cstr(sql), int16(1), int32(25));
const bind = (portal: string, statement: string) => typed("B", cstr(portal), cstr(statement), int16(0), int16(1), int32(3), Buffer.from("abc"), int16(0));
const execute = (portal: string) => typed("E", cstr(portal), int32(0));
const describePortal = (portal: string) => typed("D", Buffer.from("P"), cstr(portal));
const close = (kind: "S" | "P", name: string) => typed("C", Buffer.from(kind), cstr(name));
const sync = typed("S");
const terminate = typed("X");

function feed(input: Buffer, chunkSize: number) {
  const stream = new FrontendStream();
  const framed = [];
  for (let i = 0; i < input.length; i += chunkSize) framed.push(...stream.push(input.subarray(i, i + chunkSize)));
  return framed;
}

/** The SQL each message of `input` runs, as one connection's tracker sees it. */
function executed(input: Buffer): string[] {
  const tracker = new StatementTracker();
  return new FrontendStream()
    .push(input)
    .map(({ message }) => tracker.observe(message))
    .filter((sql): sql is string => sql !== undefined);
}

describe("FrontendStream", () => {
  const session = Buffer.concat([
    sslRequest,
    startup,
    query("BEGIN"),
    parse("", "select * from projects where \"orgId\" = $1 and name like 'é%🦊'"),
    bind("", ""),
    describePortal(""),
    execute(""),
    sync,
    query("COMMIT"),
    terminate,
  ]);
  const expected: FrontendMessage[] = [
    { type: "ssl-request" },
    { type: "startup", parameters: { user: "app", database: "tenantkit" } },
    { type: "query", sql: "BEGIN" },
    { type: "parse", statement: "", sql: "select * from projects where \"orgId\" = $1 and name like 'é%🦊'" },
    { type: "bind", portal: "", statement: "" },
    { type: "other", code: "D" },
    { type: "execute", portal: "" },
    { type: "other", code: "S" },
    { type: "query", sql: "COMMIT" },
    { type: "terminate" },
  ];

  it.each([1, 3, 7, 64, session.length])("cuts the same messages from chunks of %i bytes", (size) => {
    const framed = feed(session, size);
    expect(framed.map((f) => f.message)).toEqual(expected);
    // Every byte accounted for, in order: what is forwarded is exactly what arrived.
    expect(Buffer.concat(framed.map((f) => f.bytes)).equals(session)).toBe(true);
  });

  it("keeps a partial message until its last byte arrives", () => {
    const stream = new FrontendStream();
    expect(stream.push(startup)).toHaveLength(1);
    const message = query("select 1");
    expect(stream.push(message.subarray(0, 3))).toEqual([]);
    expect(stream.push(message.subarray(3, message.length - 1))).toEqual([]);
    const [last] = stream.push(message.subarray(message.length - 1));
    expect(last?.message).toEqual({ type: "query", sql: "select 1" });
    expect(last?.bytes.equals(message)).toBe(true);
  });

  it("joins a large message split over many chunks", () => {
    const sql = `select '${"x".repeat(1_000_000)}'`;
    const framed = feed(Buffer.concat([startup, query(sql)]), 997);
    expect(framed.map((f) => f.message)).toEqual([expect.objectContaining({ type: "startup" }), { type: "query", sql }]);
  });

  it("recognises the other requests a connection may open with", () => {
    expect(feed(gssencRequest, 100).map((f) => f.message)).toEqual([{ type: "gssenc-request" }]);
    expect(feed(cancelRequest, 100).map((f) => f.message)).toEqual([{ type: "cancel-request" }]);
    expect(feed(Buffer.concat([sslRequest, gssencRequest, startup]), 5).map((f) => f.message.type)).toEqual(["ssl-request", "gssenc-request", "startup"]);
  });

  it("reads typed messages only after the startup message", () => {
    const stream = new FrontendStream();
    expect(stream.inSession).toBe(false);
    stream.push(sslRequest);
    expect(stream.inSession).toBe(false);
    stream.push(startup);
    expect(stream.inSession).toBe(true);
  });

  it("passes on, unparsed, everything from the first byte that is not the protocol", () => {
    const bogusLength = Buffer.concat([Buffer.from("Q"), int32(2), Buffer.from("rest")]);
    const stream = new FrontendStream();
    const first = stream.push(Buffer.concat([startup, query("select 1"), bogusLength]));
    const later = stream.push(query("select 2"));
    expect(first.map((f) => f.message.type)).toEqual(["startup", "query", "unparsed"]);
    expect(first[2]!.bytes.equals(bogusLength)).toBe(true);
    expect(later).toEqual([{ message: { type: "unparsed", reason: "invalid message length 3" }, bytes: query("select 2") }]);
  });

  it("treats an unknown protocol version as not Postgres", () => {
    const framed = feed(untyped(int32(0x00020000), cstr("")), 100);
    expect(framed.map((f) => f.message.type)).toEqual(["unparsed"]);
  });

  it("refuses a Close of an unknown kind", () => {
    const framed = new FrontendStream().push(Buffer.concat([startup, typed("C", Buffer.from("Z"), cstr("x"))]));
    expect(framed.map((f) => f.message.type)).toEqual(["startup", "unparsed"]);
  });
});

describe("StatementTracker", () => {
  it("counts a simple query as one statement, whatever it holds", () => {
    expect(executed(Buffer.concat([startup, query("BEGIN; select 1; COMMIT")]))).toEqual(["BEGIN; select 1; COMMIT"]);
  });

  it("names each Execute by the statement its portal was bound from", () => {
    const input = Buffer.concat([
      startup,
      parse("", "select 1"),
      bind("", ""),
      execute(""),
      sync,
      // The unnamed statement is replaced by the next Parse.
      parse("", "select 2"),
      bind("", ""),
      execute(""),
      sync,
    ]);
    expect(executed(input)).toEqual(["select 1", "select 2"]);
  });

  it("counts a named prepared statement at every execution", () => {
    const input = Buffer.concat([
      startup,
      parse("s1", "select * from users where id = $1"),
      parse("", "select now()"),
      ...[1, 2, 3].flatMap(() => [bind("", "s1"), execute(""), sync]),
      bind("p1", ""),
      execute("p1"),
      // A portal suspended by a row limit and resumed is executed twice.
      execute("p1"),
      sync,
    ]);
    expect(executed(input)).toEqual([...Array(3).fill("select * from users where id = $1"), "select now()", "select now()"]);
  });

  it("forgets closed statements and portals, visibly", () => {
    const input = Buffer.concat([startup, parse("s1", "select 1"), close("S", "s1"), bind("", "s1"), execute(""), bind("p", ""), close("P", "p"), execute("p")]);
    expect(executed(input)).toEqual(['<unknown statement "s1">', '<unknown portal "p">']);
  });

  it("counts nothing for messages that run nothing", () => {
    const input = Buffer.concat([startup, describePortal(""), sync, typed("H"), typed("p", cstr("secret")), terminate]);
    expect(executed(input)).toEqual([]);
  });
});
