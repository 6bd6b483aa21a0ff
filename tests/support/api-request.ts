/** A REST API request as a route handler receives it: a GET, or a POST of a JSON body, with a bearer token. */
export function apiRequest(token: string | undefined, path: string, body?: unknown): Request {
  return new Request(`http://test/api/v1${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The second argument of a route handler under `[id]`. */
export const routeParams = (id: string) => ({ params: Promise.resolve({ id }) });
