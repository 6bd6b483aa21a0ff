import "server-only";
/** A delivery that can never succeed as it stands (unknown template, invalid payload, no address, SMTP 5xx): DEAD at once, not retried. */
export class PermanentDeliveryError extends Error {
  override name = "PermanentDeliveryError";
}
