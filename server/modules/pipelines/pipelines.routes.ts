import type { z } from "zod";
import { IdParams } from "../../../shared/contracts/common";
import {
  CreatePipelineBody,
  CreateStageBody,
  PipelineListResponse,
  type PipelineDto,
  PipelineResponse,
  ReorderStagesBody,
  StageParams,
  UpdatePipelineBody,
  UpdateStageBody,
} from "../../../shared/contracts/pipelines";
import { type AnyRoute, defineRoute, type HandlerContext, type HttpMethod, type Infer } from "../../http/define-route";
import * as pipelines from "./pipelines.service";

const tags = ["Pipelines"];
const manage = { kind: "staff", permission: "pipelines.manage" } as const;

/** What differs between the pipeline and stage edits: where they live and what they take. */
interface PipelineEditRoute<PS, BS> {
  method: HttpMethod;
  path: string;
  summary: string;
  /** 201 for a create, else 200. */
  status?: 200 | 201;
  request: { params?: PS; body?: BS };
}

/**
 * A pipelines.manage route that answers with the whole pipeline after the change (`{ data }` in
 * PipelineResponse), the shape of every pipeline and stage edit: the factory fills in the tags,
 * access, response and envelope, so each route states only its path, request and service call. It
 * is still one defineRoute per route (access, validation, OpenAPI entry and handler in one place).
 */
function pipelineEdit<PS extends z.ZodType | undefined = undefined, BS extends z.ZodType | undefined = undefined>(
  { status = 200, ...route }: PipelineEditRoute<PS, BS>,
  edit: (ctx: HandlerContext<Infer<PS>, undefined, Infer<BS>, typeof manage>) => Promise<PipelineDto>,
): AnyRoute {
  return defineRoute<PS, undefined, BS, typeof manage>({
    ...route,
    tags,
    access: manage,
    responses: { [status]: PipelineResponse },
    handler: async (ctx) => ({ data: await edit(ctx) }),
  });
}

export const pipelinesRoutes = [
  defineRoute({
    method: "get",
    path: "/pipelines",
    summary: "List pipelines with their stages (a workspace without one gets the default pipeline)",
    tags,
    access: { kind: "staff", permission: "deals.read" },
    responses: { 200: PipelineListResponse },
    handler: ({ app, actor }) => pipelines.listPipelines(app, actor),
  }),
  pipelineEdit({ method: "post", path: "/pipelines", status: 201, summary: "Create a pipeline with its initial stages", request: { body: CreatePipelineBody } }, ({ app, actor, input }) =>
    pipelines.createPipeline(app, actor, input.body),
  ),
  pipelineEdit({ method: "patch", path: "/pipelines/:id", summary: "Rename a pipeline or change its rotting days", request: { params: IdParams, body: UpdatePipelineBody } }, ({ app, actor, input }) =>
    pipelines.editPipeline(app, actor, input.params.id, input.body),
  ),
  defineRoute({
    method: "delete",
    path: "/pipelines/:id",
    summary: "Delete a pipeline (409 while it holds deals)",
    tags,
    access: manage,
    request: { params: IdParams },
    responses: { 204: null },
    handler: async ({ app, actor, input }) => {
      await pipelines.removePipeline(app, actor, input.params.id);
    },
  }),
  pipelineEdit({ method: "post", path: "/pipelines/:id/stages", status: 201, summary: "Add a stage", request: { params: IdParams, body: CreateStageBody } }, ({ app, actor, input }) =>
    pipelines.addStage(app, actor, input.params.id, input.body),
  ),
  pipelineEdit({ method: "put", path: "/pipelines/:id/stages/order", summary: "Reorder a pipeline's stages", request: { params: IdParams, body: ReorderStagesBody } }, ({ app, actor, input }) =>
    pipelines.reorderStages(app, actor, input.params.id, input.body),
  ),
  pipelineEdit({ method: "patch", path: "/pipelines/:id/stages/:stageId", summary: "Rename a stage or change its probability", request: { params: StageParams, body: UpdateStageBody } }, ({ app, actor, input }) =>
    pipelines.editStage(app, actor, input.params.id, input.params.stageId, input.body),
  ),
  pipelineEdit({ method: "delete", path: "/pipelines/:id/stages/:stageId", summary: "Delete a stage (409 while deals are in it)", request: { params: StageParams } }, ({ app, actor, input }) =>
    pipelines.removeStage(app, actor, input.params.id, input.params.stageId),
  ),
];
