import type { AssignmentRuleDto } from "@shared/contracts/assignment-rules";

export const ASSIGN_LABELS: Record<AssignmentRuleDto["assign"]["type"], string> = {
  user: "A specific person",
  round_robin: "Round robin (take turns)",
  least_loaded: "Whoever has the fewest open leads",
};

/** "Round robin among Sam and Sasha". */
export function describeAssignment(rule: Pick<AssignmentRuleDto, "assign" | "users">): string {
  const names = (ids: string[]) => ids.map((id) => rule.users.find((u) => u.id === id)?.name ?? "a former teammate");
  const list = (xs: string[]) => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);
  switch (rule.assign.type) {
    case "user":
      return `Assign to ${names([rule.assign.userId])[0]}`;
    case "round_robin":
      return `Round robin among ${list(names(rule.assign.userIds))}`;
    case "least_loaded":
      return `Least loaded among ${list(names(rule.assign.userIds))}`;
  }
}
