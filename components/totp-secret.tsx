/** The secret to type into an authenticator app, and its otpauth:// URI (no QR image: text works in every app). */
export function TotpSecret({ secret, uri, text }: { secret: string; uri: string; text: { secret: string; uri: string } }) {
  return (
    <dl className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-5">
      <dt className="font-medium">{text.secret}</dt>
      <dd data-testid="totp-secret" className="break-all font-mono text-lg">
        {secret.replace(/(.{4})/g, "$1 ").trim()}
      </dd>
      <dt className="font-medium">{text.uri}</dt>
      <dd data-testid="totp-uri" className="break-all font-mono text-sm">
        {uri}
      </dd>
    </dl>
  );
}
