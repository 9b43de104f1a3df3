import { ActivityListResponse, ActivityResponse, CreateActivityBody, ListActivitiesQuery } from "../../../shared/contracts/activities";
import { defineRoute } from "../../http/define-route";
import * as activities from "./activities.service";

const tags = ["Activities"];

export const activitiesRoutes = [
  defineRoute({
    method: "get",
    path: "/activities",
    summary: "A client's or contact's timeline, newest first (keyset paging)",
    tags,
    access: { kind: "staff", permission: "clients.read" },
    request: { query: ListActivitiesQuery },
    responses: { 200: ActivityListResponse },
    handler: ({ app, actor, input }) => activities.listActivities(app, actor, input.query),
  }),
  defineRoute({
    method: "post",
    path: "/activities",
    summary: "Log a note, call, meeting or email; @mentioned team members are emailed",
    tags,
    access: { kind: "staff", permission: "clients.write" },
    request: { body: CreateActivityBody },
    responses: { 201: ActivityResponse },
    handler: async ({ app, actor, input }) => ({ data: await activities.createActivity(app, actor, input.body) }),
  }),
];
