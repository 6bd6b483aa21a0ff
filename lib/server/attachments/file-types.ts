import "server-only";
/**
 * What a file really is, from its first bytes (file-type), never from its name or the browser's
 * word; and which files are refused: programs and scripts, by their bytes or by their name, and
 * HTML or SVG, which a browser would run.
 */
import { fileTypeFromBuffer } from "file-type";

/** How many leading bytes the detection reads (file-type's own sample size). */
export const SNIFF_BYTES = 4100;

/** Types file-type recognises that are programs. */
const BLOCKED_DETECTED = new Set(["exe", "elf", "macho", "msi", "class", "swf", "dex", "apk", "wasm", "lnk"]);
/** Names that run when opened, whatever their bytes. */
const BLOCKED_EXTENSIONS = new Set(
  [
    "exe",
    "msi",
    "msp",
    "dll",
    "com",
    "scr",
    "cpl",
    "sys",
    "bat",
    "cmd",
    "ps1",
    "psm1",
    "psd1",
    "vbs",
    "vbe",
    "js",
    "jse",
    "mjs",
    "cjs",
    "wsf",
    "wsh",
    "hta",
    "jar",
    "sh",
    "bash",
    "zsh",
    "csh",
    "ksh",
    "command",
    "app",
    "apk",
    "elf",
    "html",
    "htm",
    "xhtml",
    "shtml",
    "svg",
    "svgz",
    "xml",
    "php",
    "py",
    "pl",
    "rb",
    "lnk",
    "reg",
    "msc",
    "gadget",
    "scf",
    "url",
  ].map((e) => e.toLowerCase()),
);

/** Images a browser may show inline from us: everything else is sent as a download. */
export const INLINE_IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

export interface Detected {
  contentType: string;
  /** Set when the file is refused: what kind of file it is, for the message. */
  blocked: string | null;
}

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
};

function looksLikeText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head.length === SNIFF_BYTES ? head.subarray(0, SNIFF_BYTES - 4) : head);
    return true;
  } catch {
    return false;
  }
}

/** Text a browser or a shell would run: a shebang, HTML, SVG. */
function runnableText(head: Buffer): string | null {
  const start = head
    .subarray(0, 512)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (start.startsWith("#!")) return "script";
  if (/^(<!doctype html|<html|<head|<body|<script|<iframe)/.test(start)) return "html";
  if (start.startsWith("<svg") || (start.startsWith("<?xml") && start.includes("<svg"))) return "svg";
  if (start.startsWith("<?xml") && start.includes("<html")) return "html";
  return null;
}

export async function detectFileType(head: Buffer, name: string): Promise<Detected> {
  const ext = extensionOf(name);
  const found = await fileTypeFromBuffer(head);
  if (found && BLOCKED_DETECTED.has(found.ext)) return { contentType: found.mime, blocked: found.ext };
  if (BLOCKED_EXTENSIONS.has(ext)) return { contentType: found?.mime ?? "application/octet-stream", blocked: ext };
  // XML is text a browser may run as SVG or XHTML: judged like any text.
  if (found && found.ext !== "xml") return { contentType: found.mime, blocked: null };
  if (looksLikeText(head)) {
    const runnable = runnableText(head);
    return { contentType: found?.mime ?? "text/plain; charset=utf-8", blocked: runnable };
  }
  return { contentType: "application/octet-stream", blocked: null };
}
