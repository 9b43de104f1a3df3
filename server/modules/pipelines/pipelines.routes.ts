import { IdParams } from "../../../shared/contracts/common";
import {
  CreatePipelineBody,
  CreateStageBody,
  PipelineListResponse,
  PipelineResponse,
  ReorderStagesBody,
  StageParams,
  UpdatePipelineBody,
  UpdateStageBody,
} from "../../../shared/contracts/pipelines";
import { defineRoute } from "../../http/define-route";
import * as pipelines from "./pipelines.service";

const tags = ["Pipelines"];
const manage = { kind: "staff", permission: "pipelines.manage" } as const;

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
  defineRoute({
    method: "post",
    path: "/pipelines",
    summary: "Create a pipeline with its initial stages",
    tags,
    access: manage,
    request: { body: CreatePipelineBody },
    responses: { 201: PipelineResponse },
    handler: async ({ app, actor, input }) => ({ data: await pipelines.createPipeline(app, actor, input.body) }),
  }),
  defineRoute({
    method: "patch",
    path: "/pipelines/:id",
    summary: "Rename a pipeline or change its rotting days",
    tags,
    access: manage,
    request: { params: IdParams, body: UpdatePipelineBody },
    responses: { 200: PipelineResponse },
    handler: async ({ app, actor, input }) => ({ data: await pipelines.editPipeline(app, actor, input.params.id, input.body) }),
  }),
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
  defineRoute({
    method: "post",
    path: "/pipelines/:id/stages",
    summary: "Add a stage",
    tags,
    access: manage,
    request: { params: IdParams, body: CreateStageBody },
    responses: { 201: PipelineResponse },
    handler: async ({ app, actor, input }) => ({ data: await pipelines.addStage(app, actor, input.params.id, input.body) }),
  }),
  defineRoute({
    method: "put",
    path: "/pipelines/:id/stages/order",
    summary: "Reorder a pipeline's stages",
    tags,
    access: manage,
    request: { params: IdParams, body: ReorderStagesBody },
    responses: { 200: PipelineResponse },
    handler: async ({ app, actor, input }) => ({ data: await pipelines.reorderStages(app, actor, input.params.id, input.body) }),
  }),
  defineRoute({
    method: "patch",
    path: "/pipelines/:id/stages/:stageId",
    summary: "Rename a stage or change its probability",
    tags,
    access: manage,
    request: { params: StageParams, body: UpdateStageBody },
    responses: { 200: PipelineResponse },
    handler: async ({ app, actor, input }) => ({ data: await pipelines.editStage(app, actor, input.params.id, input.params.stageId, input.body) }),
  }),
  defineRoute({
    method: "delete",
    path: "/pipelines/:id/stages/:stageId",
    summary: "Delete a stage (409 while deals are in it)",
    tags,
    access: manage,
    request: { params: StageParams },
    responses: { 200: PipelineResponse },
    handler: async ({ app, actor, input }) => ({ data: await pipelines.removeStage(app, actor, input.params.id, input.params.stageId) }),
  }),
];
