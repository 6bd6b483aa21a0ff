/** A plain error message, announced to screen readers. */
export function ErrorMessage({ message, id }: { message: string; id?: string }) {
  return (
    <p id={id} role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
      {message}
    </p>
  );
}
