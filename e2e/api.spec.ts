import { expect, test } from "./support/test";
import { spawnSync } from "node:child_process";

/** A token made the way a user makes one: `npm run cli -- token create --email …`. */
function createToken(email: string): string {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", "token", "create", "--email", email], { encoding: "utf8", env: process.env });
  expect(result.status, result.stderr).toBe(0);
  const token = /hd_[A-Za-z0-9_-]+/.exec(result.stdout)?.[0];
  expect(token, result.stdout).toBeTruthy();
  return token!;
}

test("the REST API over HTTP: a customer registers a P2, an agent starts troubleshooting, another organisation gets 404", async ({ request }) => {
  const kari = { Authorization: `Bearer ${createToken("kari@nordlys.example")}` };
  const lise = { Authorization: `Bearer ${createToken("lise@servicedesk.example")}` };
  const sara = { Authorization: `Bearer ${createToken("sara@bergheim.example")}` };

  const created = await request.post("/api/v1/tickets", { headers: kari, data: { title: "Integrasjon feiler", description: "Overføring til regnskap stopper.", priority: "P2" } });
  expect(created.status()).toBe(201);
  const ticket = await created.json();
  expect(ticket.reference).toMatch(/^NL-\d{4}-\d{6}$/);
  expect(ticket.sla.response.state).toBe("running");
  expect(ticket.sla.response.businessMinutesLeft).toBeGreaterThan(0);

  const list = await request.get("/api/v1/tickets?priority=P2", { headers: lise });
  expect(list.status()).toBe(200);
  expect((await list.json()).items.map((t: { id: string }) => t.id)).toContain(ticket.id);

  const started = await request.post(`/api/v1/tickets/${ticket.id}/events`, { headers: lise, data: { type: "start" } });
  expect(started.status()).toBe(200);
  expect((await started.json()).sla.response.state).toBe("met");

  const foreign = await request.get(`/api/v1/tickets/${ticket.id}`, { headers: sara });
  expect(foreign.status()).toBe(404);
  expect(await foreign.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });

  const anonymous = await request.get("/api/v1/tickets");
  expect(anonymous.status()).toBe(401);

  const openapi = await request.get("/api/v1/openapi.json");
  expect(openapi.status()).toBe(200);
  expect((await openapi.json()).openapi).toMatch(/^3\.1\./);
});
