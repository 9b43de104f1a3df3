/**
 * A response body already encoded as JSON (by PostgreSQL, say) that the API router sends as it is,
 * instead of encoding a value with `res.json`. `T` is what the text decodes to (the route's declared
 * response schema); the type only documents it, so whoever builds the text owns keeping it true
 * (with an API test that parses the response with the schema). For hot reads only.
 */
export class RawJson<T> {
  declare readonly decodesTo: T;
  constructor(readonly text: string) {}
}
