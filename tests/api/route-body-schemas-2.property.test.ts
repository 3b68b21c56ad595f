/** Every route's body schema under 10,000 generated values each, part 2 of 2 (tests/support/body-schema-walk.ts). */
import { describeBodySchemas } from '../support/body-schema-walk.ts';

describeBodySchemas(1, 2);
