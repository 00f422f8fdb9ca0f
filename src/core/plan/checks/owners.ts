/** OWNER_UNKNOWN: an owner is not in the project's list of organisations and abbreviations. */
import { OwnerMatcher } from "../owners";
import type { PlanCheck } from "./check";

export const ownersCheck: PlanCheck = {
  id: "owners",
  codes: ["OWNER_UNKNOWN"],
  start(ctx) {
    const owners = new OwnerMatcher(ctx.template.organisations);
    return {
      row(r, activity) {
        if (!activity || !ctx.filled(r, "owner")) return;
        const unknown = owners.unknownParts(r.texts.owner);
        if (unknown.length) ctx.report("OWNER_UNKNOWN", r, "owner", { owners: unknown });
      },
    };
  },
};
