import { type NextFunction, type Request, type Response, Router } from "express";
import { AppError } from "../../shared/errors";
import type { AppContext } from "../app-context";
import { checkAccess } from "./access";
import { type AnyRoute, successStatus } from "./define-route";
import { sensitiveRateLimit } from "./rate-limit";
import { RawJson } from "./raw-json";
import { parseRequest } from "./validate";

/** Params and query of a route whose body the handler streams itself (multipart); 415 for another body type. */
function parseStreamedRequest(route: AnyRoute, req: Request) {
  const input = parseRequest({ params: route.request?.params, query: route.request?.query }, { params: req.params, query: req.query, body: undefined });
  if (!req.is(route.consumes!)) throw new AppError("unsupported_media_type", `Send the body as ${route.consumes}.`);
  return input;
}

/**
 * Mounts registered routes. Each route's chain reads as a checklist:
 * [sensitive rate limit] → access → validate → handler → response.
 */
export function buildApiRouter(app: AppContext, routes: AnyRoute[]): Router {
  const router = Router();
  const sensitive = sensitiveRateLimit(app.rateLimits);
  for (const route of routes) {
    const status = successStatus(route);
    const handle = async (req: Request, res: Response) => {
      checkAccess(route.access, req.actor, res.locals.sessionExpired === true);
      const input = route.consumes ? parseStreamedRequest(route, req) : parseRequest(route.request, { params: req.params, query: req.query, body: req.body });
      const result = await route.handler({ req, res, app, input, actor: req.actor });
      if (res.headersSent) return;
      if (status === 204 || result === undefined) res.status(status === 200 ? 204 : status).end();
      else if (result instanceof RawJson) res.status(status).type("json").send(result.text);
      else res.status(status).json(result);
    };
    const chain = [
      ...(route.rateLimit === "sensitive" ? [sensitive] : []),
      (req: Request, res: Response, next: NextFunction) => {
        handle(req, res).catch(next);
      },
    ];
    router[route.method](route.path, ...chain);
  }
  return router;
}
