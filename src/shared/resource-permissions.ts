// A resource's permission entries (data sources and projects), on the wire. The public
// facts: each entry is `{principal, permissions}` with permissions among VIEW, MODIFY and
// OWNER (JUserResourcePermissionsResponse in jmapcloud-ng-core-types, public/jmap/user.d.ts);
// `GET …/permissions` lists them, `GET …/permissions/self` gives the caller's as a list
// (the QGIS plugin reads `[0].permissions`, ui/py_files/export_layer_dialog.py); POST adds,
// PUT updates, DELETE removes (the design's list of the endpoints). The bodies of POST and
// PUT and how DELETE names its principals are not public: they are written here, once,
// so that aligning them with JMap Cloud is one edit.
import { z } from 'zod';

export const PERMISSIONS = ['OWNER', 'MODIFY', 'VIEW'] as const;
export const permissionSchema = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof permissionSchema>;

/** What owning means: every permission. */
export const OWNER_PERMISSIONS: readonly Permission[] = ['OWNER', 'MODIFY', 'VIEW'];

/** An entry as a server lists it; a permission KeyDesk does not know is left out. */
export const permissionEntrySchema = z.object({
  principal: z.string().min(1),
  permissions: z
    .array(z.unknown())
    .transform((values) => [...new Set(values.flatMap((value) => (permissionSchema.safeParse(value).success ? [value as Permission] : [])))]),
});
export type PermissionEntry = z.output<typeof permissionEntrySchema>;
export const permissionListSchema = z.array(permissionEntrySchema);

const PRINCIPAL = z.string().min(1, 'principal is required.').max(200);

/** The body of POST (entries to add) and of PUT (entries to change, their permissions replaced). */
export const permissionChangesSchema = z
  .array(z.strictObject({ principal: PRINCIPAL, permissions: z.array(permissionSchema).min(1, 'An entry needs at least one permission.') }))
  .min(1, 'Give at least one entry.')
  .max(1000, 'At most 1000 entries at once.');
export type PermissionChanges = z.input<typeof permissionChangesSchema>;

/** The query of DELETE: `principals=<id>,<id>` (Spring's binding of a list parameter). */
export const permissionRemovalQuerySchema = z.strictObject({
  principals: z.codec(
    z.string().min(1, 'principals is required.'),
    z.array(PRINCIPAL).min(1).max(1000, 'At most 1000 principals at once.'),
    { decode: (text) => text.split(','), encode: (ids) => ids.join(',') },
  ),
});
export type PermissionRemovalQuery = z.input<typeof permissionRemovalQuerySchema>;

export function encodePermissionRemoval(principals: readonly string[]): PermissionRemovalQuery {
  return z.encode(permissionRemovalQuerySchema, { principals: [...principals] });
}
