import "server-only";
/**
 * One e-mail as the intake hands it over, whatever brought it (an IMAP mailbox, or SMTP): the
 * raw RFC 822 bytes, when the receiving server got it, and the keys that make it exactly once.
 */
export interface IncomingMail {
  /** The Mailbox it was read from; null for mail accepted over SMTP. */
  mailboxId: string | null;
  /** The folder's UIDVALIDITY and the message's UID (IMAP); null over SMTP. */
  uidValidity: bigint | null;
  uid: bigint | null;
  /** The raw RFC 822 message. */
  raw: Buffer;
  /** When the receiving mail server got it (IMAP INTERNALDATE, or the SMTP session time). */
  receivedAt: Date;
}
