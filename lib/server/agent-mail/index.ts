import "server-only";
/** E-mail on the agents' pages (issue 17): how a ticket's messages came, the original message, the unknown senders' customers. */
export { readTicketMail, type MailHeaders, type MessageSource, type TicketMail } from "./read-ticket-mail";
export { originalMailResponse } from "./original-mail";
export { listAssignableOrganizations, countUnknownSenderMail } from "./unknown-sender-choices";
