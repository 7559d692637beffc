/** A refusal the backend answers in fal's `{detail}` shape, thrown from anywhere inside it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorType?: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}
