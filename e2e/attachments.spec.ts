import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";
import { registerTicketAs } from "./support/tickets";

/** A 1×1 PNG, as a screenshot on the clipboard would be. */
const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("a customer pastes a screenshot into a new ticket and the agent sees its thumbnail", async ({ browser }) => {
  const kari = await signedIn(browser, "kari@nordlys.example");
  await kari.goto("/saker/ny");
  await kari.getByLabel("Kort beskrivelse").fill("Feilmelding i Workplace Safety");
  const description = kari.getByLabel("Hva har skjedd?");
  await description.fill("Se skjermbildet.");
  // The clipboard holds an image: the paste event carries it as a File.
  await description.evaluate((el, base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const clipboard = new DataTransfer();
    clipboard.items.add(new File([bytes], "image.png", { type: "image/png" }));
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true }));
  }, PNG_BASE64);
  await expect(kari.getByRole("list", { name: "Valgte filer" })).toContainText("skjermbilde-1.png");
  await expect(description).toHaveValue("Se skjermbildet."); // the image did not land in the text
  await kari.getByRole("radio", { name: /P3/ }).check();
  await kari.getByRole("button", { name: "Send inn saken" }).click();
  await expect(kari.getByRole("heading", { level: 1, name: "Saken er registrert" })).toBeVisible();
  const id = /\/saker\/([0-9a-f-]{36})\/kvittering/.exec(kari.url())![1]!;

  const lise = await signedIn(browser, "lise@servicedesk.example");
  await lise.goto(`/arbeid/saker/${id}`);
  const thumbnail = lise.getByTestId("timeline").getByRole("img", { name: "skjermbilde-1.png" });
  await expect(thumbnail).toBeVisible();
  // The image really loaded through /vedlegg/:id with the agent's session.
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await lise.screenshot({ path: "e2e/screenshots/agent-attachment.png", fullPage: true });
});

test("an agent attaches a log file to an internal note and the customer does not see it", async ({ browser }) => {
  test.setTimeout(60_000); // two sign-ins (the agent's with its second step) and three pages: 30 s ran out on a loaded machine
  const ticket = await registerTicketAs("kari@nordlys.example", "Treg innlogging");
  const lise = await signedIn(browser, "lise@servicedesk.example");
  await lise.goto(`/arbeid/saker/${ticket.id}`);
  const note = lise.getByTestId("composer");
  await note.getByRole("button", { name: "Internt notat" }).click();
  await note.getByLabel("Notat (bare servicedesk ser det)").fill("Se serverloggen fra innloggingen.");
  await note.locator('input[type="file"]').setInputFiles({ name: "server.log", mimeType: "text/plain", buffer: Buffer.from("08:01 ERROR ldap timeout\n") });
  await note.getByRole("button", { name: "Lagre notat" }).click();
  const link = lise.getByTestId("timeline").getByRole("link", { name: "Last ned server.log" });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute("href"))!;
  expect((await lise.request.get(href)).status()).toBe(200);

  const kari = await signedIn(browser, "kari@nordlys.example");
  await kari.goto(`/saker/${ticket.id}`);
  await expect(kari.getByRole("heading", { level: 1 })).toContainText("Treg innlogging");
  await expect(kari.getByText("server.log")).toHaveCount(0);
  const download = await kari.request.get(href);
  expect(download.status()).toBe(404);
});
