import { describe, expect, it } from "vitest";
import { detectFileType } from "./file-types";
import { cleanName } from "./spool";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const PE = Buffer.concat([
  Buffer.from(
    "4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000000000000000000000000000000000000000000000000000800000000e1fba0e00b409cd21b8014ccd21546869732070726f6772616d2063616e6e6f74",
    "hex",
  ),
  Buffer.alloc(512, 1),
]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64, 0)]);

describe("what a file is, from its bytes", () => {
  it("believes the bytes, not the name", async () => {
    expect(await detectFileType(PNG, "rapport.pdf")).toEqual({ contentType: "image/png", blocked: null });
    expect(await detectFileType(PE, "faktura.pdf")).toMatchObject({ blocked: "exe" });
    expect(await detectFileType(ELF, "data.bin")).toMatchObject({ blocked: "elf" });
  });

  it("refuses scripts by name and by content, and HTML or SVG in any name", async () => {
    expect((await detectFileType(Buffer.from("Get-Process"), "fix.ps1")).blocked).toBe("ps1");
    expect((await detectFileType(Buffer.from("@echo off"), "run.BAT")).blocked).toBe("bat");
    expect((await detectFileType(Buffer.from("#!/bin/sh\nrm -rf /"), "notes.txt")).blocked).toBe("script");
    expect((await detectFileType(Buffer.from("  <!DOCTYPE html><p>hi"), "side.txt")).blocked).toBe("html");
    expect((await detectFileType(Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), "bilde.txt")).blocked).toBe("svg");
  });

  it("calls readable text text/plain and anything else unknown octet-stream", async () => {
    expect(await detectFileType(Buffer.from("2026-11-30 ERROR æøå\n"), "app.log")).toEqual({ contentType: "text/plain; charset=utf-8", blocked: null });
    expect(await detectFileType(Buffer.from([0, 1, 2, 3, 250, 251]), "dump.bin")).toEqual({ contentType: "application/octet-stream", blocked: null });
  });

  it("keeps a file name without its path or control characters", () => {
    expect(cleanName("C:\\Users\\kari\\skjerm bilde.png")).toBe("skjerm bilde.png");
    expect(cleanName("../../etc/passwd")).toBe("passwd");
    expect(cleanName('a"b\u0000c.txt')).toBe("abc.txt");
    expect(cleanName("")).toBe("file");
  });
});
