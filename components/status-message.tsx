/** A polite confirmation ("Saved."), announced to screen readers. */
export function StatusMessage({ message }: { message: string }) {
  return (
    <p role="status" className="rounded-md border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
      {message}
    </p>
  );
}
