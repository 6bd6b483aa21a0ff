/**
 * One area's messages in both languages. The English side must have exactly the Norwegian keys:
 * a missing key fails type-checking (Record<K, string>) and so does an extra one (excess property
 * check on the object literal), because K is inferred from `nb` only.
 */
export interface Catalog<K extends string> {
  nb: Record<K, string>;
  en: Record<K, string>;
}

export function catalog<K extends string>(messages: { nb: Record<K, string>; en: NoInfer<Record<K, string>> }): Catalog<K> {
  return messages;
}
