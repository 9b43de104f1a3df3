import { type NextFunction, type Request, type Response, Router } from "express";
import type { AppContext } from "../app-context";
import { checkAccess } from "./access";
import { type AnyRoute, successStatus } from "./define-route";
import { sensitiveRateLimit } from "./rate-limit";
import { parseRequest } from "./validate";

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
      // A multipart route streams its own body: only params and query are parsed here.
      const schemas = route.consumes ? { ...route.request, body: undefined } : route.request;
      const input = parseRequest(schemas, { params: req.params, query: req.query, body: route.consumes ? undefined : req.body });
      const result = await route.handler({ req, res, app, input, actor: req.actor });
      if (res.headersSent) return;
      if (status === 204 || result === undefined) res.status(status === 200 ? 204 : status).end();
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
