import type { Ctx } from "../../src/context.ts";
import { createCompany, createContact, createProduct } from "../../src/modules/crm/index.ts";
import { addLine, createOpportunity } from "../../src/modules/opportunities/index.ts";

let counter = 0;

/** A company with a contact, two products (one recurring with a deposit) and an open USD opportunity. */
export async function seedDeal(ctx: Ctx, lineCount = 0) {
  counter += 1;
  const company = await createCompany(ctx, { name: `Harbour Dental ${counter}` });
  const contact = await createContact(ctx, { name: "Mia Chen", company_id: company.id, email: "mia@example.test" });
  const product = await createProduct(ctx, {
    name: "Website build",
    unit_amount: 250_000,
    currency: "USD",
    deposit_percent: 33,
    tax_rate: "12.5",
  });
  const recurring = await createProduct(ctx, {
    name: "Hosting",
    unit_amount: 4_900,
    currency: "USD",
    billing: "recurring",
    unit: "month",
  });
  const opportunity = await createOpportunity(ctx, {
    name: `Website rebuild ${counter}`,
    company_id: company.id,
    primary_contact_id: contact.id,
    currency: "USD",
  });
  const lines = [];
  for (let i = 0; i < lineCount; i++) {
    lines.push(
      await addLine(ctx, {
        opportunity_id: opportunity.id,
        product_id: i % 2 ? recurring.id : product.id,
        quantity: 1 + i,
      }),
    );
  }
  return { company, contact, product, recurring, opportunity, lines };
}

export type SeededDeal = Awaited<ReturnType<typeof seedDeal>>;
