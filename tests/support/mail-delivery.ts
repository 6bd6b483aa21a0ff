/**
 * For a describe block that delivers notifications by e-mail to a real SMTP server on loopback:
 * seeds the database, starts the sink and a transport to it before the tests, and closes them
 * (and `prisma`) after. `pass` delivers what is due at `now` (500 at most, no jitter).
 */
import { afterAll, beforeAll } from "vitest";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { createTransport, deliverDueNotifications, type MailTransport, type ThrottleSettings } from "../../lib/server/notifications";
import { seedOnce } from "./fixtures";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

export function mailDelivery(prisma: PrismaClient, throttle: ThrottleSettings) {
  const mail = {
    sink: undefined as unknown as SmtpSink,
    transport: undefined as unknown as MailTransport,
    pass: (now: Date) => deliverDueNotifications({ prisma, transport: mail.transport, now, limit: 500, throttle, random: () => 0.5 }),
  };
  beforeAll(async () => {
    await seedOnce(prisma);
    mail.sink = await startSmtpSink();
    mail.transport = createTransport({ SMTP_URL: mail.sink.url, MAIL_FROM: "Helpdesk <helpdesk@servicedesk.example>" });
  });
  afterAll(async () => {
    mail.transport.close();
    await mail.sink.close();
    await prisma.$disconnect();
  });
  return mail;
}
