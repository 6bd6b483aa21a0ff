import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "./support/test";
import { signIn } from "./support/sign-in";
import { actAs, registerTicketAs } from "./support/tickets";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

// A word of this run only, so the searches find this spec's tickets and nothing else.
const token = () => `zq${randomBytes(4).toString("hex").replace(/\d/g, "x")}`;

test("an agent searches all tickets, sees where the words matched highlighted, saves the search as a view and deletes it after confirming", async ({ browser }) => {
  test.setTimeout(120_000);
  const word = token();
  const printer = await registerTicketAs("kari@nordlys.example", `Skriveren i resepsjonen ${word}`);
  await actAs([{ email: "lise@servicedesk.example", action: { type: "note", body: `Tonerkassetten ${word} er bestilt fra leverandøren.` } }], printer.id);
  const other = await registerTicketAs("sara@bergheim.example", `Nettverket er tregt ${word}`);

  const lise = await signedIn(browser, "lise@servicedesk.example");
  await lise.getByLabel("Søk", { exact: true }).fill(`skriver ${word}`);
  await lise.getByRole("button", { name: "Vis", exact: true }).click();
  await expect(lise.getByTestId("search-results-for")).toContainText(`skriver ${word}`);
  const rows = lise.getByTestId("queue-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-reference", printer.reference);
  // "skriver" found "Skriveren" (Norwegian stemming), marked in the snippet.
  await expect(rows.first().getByTestId("search-snippet").locator("mark").first()).toHaveText(/^skriveren$/i);

  // An internal note is searchable by staff.
  await lise.getByLabel("Søk", { exact: true }).fill(`tonerkassett ${word}`);
  await lise.getByRole("button", { name: "Vis", exact: true }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("search-snippet")).toContainText("Tonerkassetten");

  // The word alone: both tickets, across organisations; filtered to one organisation.
  await lise.getByLabel("Søk", { exact: true }).fill(word);
  await lise.getByRole("button", { name: "Vis", exact: true }).click();
  await expect(rows).toHaveCount(2);
  await lise.getByLabel("Kunde", { exact: true }).selectOption({ label: "Bergheim Regnskap AS" });
  await lise.getByRole("button", { name: "Vis", exact: true }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-reference", other.reference);
  await lise.screenshot({ path: "e2e/screenshots/search.png", fullPage: true });

  // Save what is on screen as a view of Lise's own.
  const name = `Bergheim ${word}`;
  await lise.getByText("Lagre visning", { exact: true }).click();
  await lise.getByLabel("Navn på visningen").fill(name);
  await lise.getByRole("button", { name: "Lagre", exact: true }).click();
  await expect(lise.getByText(`Visningen «${name}» er lagret.`)).toBeVisible();
  const link = lise.getByTestId("saved-views").getByRole("link", { name });
  await expect(link).toBeVisible();

  // It opens the same search and filter from the plain queue.
  await lise.goto("/arbeid");
  await expect(lise.getByTestId("search-results-for")).toHaveCount(0);
  await lise.getByTestId("saved-views").getByRole("link", { name }).click();
  await expect(lise.getByTestId("search-results-for")).toContainText(word);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-reference", other.reference);

  // Deleting asks first.
  await lise.getByRole("button", { name: `Slett visningen ${name}` }).click();
  const dialog = lise.getByRole("dialog", { name: `Slette visningen «${name}»?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Slett", exact: true }).click();
  await expect(lise.getByText("Visningen er slettet.")).toBeVisible();
  await expect(lise.getByRole("link", { name })).toHaveCount(0);
});

test("a customer searches their own tickets: public messages yes, other people's tickets and internal notes never", async ({ browser }) => {
  test.setTimeout(90_000);
  const word = token();
  const mine = await registerTicketAs("kari@nordlys.example", `E-posten synkroniserer ikke ${word}`);
  await actAs([{ email: "lise@servicedesk.example", action: { type: "note", body: `Hemmelig ${word} internt notat om kontoen.` } }], mine.id);
  await actAs([{ email: "lise@servicedesk.example", action: { type: "reply", body: `Vi har nullstilt postboksen ${word}.` } }], mine.id);
  await registerTicketAs("per@nordlys.example", `E-posten til Per synkroniserer ikke ${word}`);
  await registerTicketAs("sara@bergheim.example", `E-posten hos Bergheim ${word}`);

  const kari = await signedIn(browser, "kari@nordlys.example");
  await kari.goto("/saker");
  await kari.getByRole("searchbox", { name: "Søk" }).fill(`postboksen ${word}`);
  await kari.getByRole("button", { name: "Søk", exact: true }).click();
  await expect(kari.getByRole("link", { name: `E-posten synkroniserer ikke ${word}` })).toBeVisible();
  await expect(kari.getByTestId("search-snippet").locator("mark", { hasText: /^postboksen$/i })).toBeVisible();

  await kari.getByRole("searchbox", { name: "Søk" }).fill(word);
  await kari.getByRole("button", { name: "Søk", exact: true }).click();
  await expect(kari.getByRole("link", { name: `E-posten synkroniserer ikke ${word}` })).toBeVisible();
  await expect(kari.getByText(`E-posten til Per synkroniserer ikke ${word}`)).toHaveCount(0);
  await expect(kari.getByText(`E-posten hos Bergheim ${word}`)).toHaveCount(0);

  await kari.getByRole("searchbox", { name: "Søk" }).fill(`hemmelig ${word}`);
  await kari.getByRole("button", { name: "Søk", exact: true }).click();
  await expect(kari.getByText("Ingen saker passer søket")).toBeVisible();
});
