import "server-only";
/** E-mail intake (issue 17): the use cases the IMAP/SMTP intake and the agents' pages call. */
export { ingestMail, type IngestOutcome } from "./ingest-mail";
export type { IncomingMail } from "./incoming-mail";
export {
  assignUnknownSenderMail,
  rejectUnknownSenderMail,
  AssignUnknownSenderSchema,
  RejectUnknownSenderSchema,
  type AssignUnknownSenderInput,
  type RejectUnknownSenderInput,
} from "./decide-unknown-sender";
export { listUnknownSenderMail, type UnknownSenderMailView } from "./list-unknown-sender-mail";
export { readInboundMail, ReadInboundMailSchema, type InboundMailMeta } from "./read-inbound-mail";
export { listTicketMail } from "./list-ticket-mail";
export { stripQuoted } from "./strip-quoted";
