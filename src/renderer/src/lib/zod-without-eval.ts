// zod compiles object parsers with `new Function` where it may. The CSP forbids eval, so
// its probe would log a CSP violation at every start: parse without it.
import { z } from 'zod';

z.config({ jitless: true });
