// The aws/azure oneOf of getAccountDetails with its cloudProvider discriminator: narrowing on the
// discriminator must reach each variant's own fields (the type of the exported zod 3 schema).
import type { schemas } from "./generated/openapi-zod-client/api";

type AccountDetails = (typeof schemas.AccountDetails)["_output"];

export function networkOf(details: AccountDetails): string | undefined {
  if (details.cloudProvider === "aws") return details.vpcId;
  return details.virtualNetworkName;
}
