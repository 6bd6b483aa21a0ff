import { describe, expect, it } from "vitest";
import { orderKeys } from "./order-keys";

const raw = (lines: string[]) => Buffer.from([...lines, "", "Body <not@an.id>", ""].join("\r\n"));

describe("orderKeys", () => {
  it("holds the sender and its own Message-ID; waits for the sender and every id it refers to", () => {
    const keys = orderKeys(raw(['From: "Kari, Nordlys" <Kari@Nordlys.Example>', "Message-ID: <B@x>", "In-Reply-To: <A@x>", "References: <root@x>", "\t<A@x>", "Subject: Re: Sak"]));
    expect(keys.holds).toEqual(["from:kari@nordlys.example", "id:<b@x>"]);
    expect(keys.waitsFor).toEqual(["from:kari@nordlys.example", "id:<a@x>", "id:<root@x>"]);
  });

  it("reads a bare address, and a message without From or ids holds nothing beyond what it has", () => {
    expect(orderKeys(raw(["From: per@nordlys.example", "Subject: x"]))).toEqual({ holds: ["from:per@nordlys.example"], waitsFor: ["from:per@nordlys.example"] });
    expect(orderKeys(raw(["Subject: nothing"]))).toEqual({ holds: [], waitsFor: [] });
  });

  it("reads only the header block", () => {
    expect(orderKeys(raw(["From: a@b.test"])).waitsFor).not.toContain("id:<not@an.id>");
  });
});
