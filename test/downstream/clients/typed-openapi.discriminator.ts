// The aws/azure oneOf of getAccountDetails with its cloudProvider discriminator: narrowing on the
// discriminator must reach each variant's own fields.
import type { Schemas } from "./generated/typed-openapi/api";

export function networkOf(details: Schemas.AccountDetails): string | undefined {
  if (details.cloudProvider === "aws") return details.vpcId;
  return details.virtualNetworkName;
}
