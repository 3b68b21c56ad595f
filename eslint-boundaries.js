// @ts-check
/**
 * The layer rules of ARCHITECTURE.md as two ESLint rules. Unlike path patterns, they resolve every relative import
 * against the importing file, so `../../packs/x.ts` is caught at any depth and an import that stays inside its
 * own folder is never mistaken for one that leaves it.
 *
 * - `tupu/layer-imports`: what the files of one folder may import (options below), with the folder's why-message.
 * - `tupu/no-foreign-repository`: a file of `src/features/<a>/` may not import the repository of another feature
 *   (`src/features/<b>/repository.ts` or `src/features/<b>/repositories/…`): it calls that feature's use cases.
 * - `tupu/tenant-grant`: only the access layer (and the operator's tools and test support) produces a `TenantId`:
 *   elsewhere, importing `grantTenant` or casting to `TenantId` is refused.
 */
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * @typedef {object} LayerOptions
 * @property {string} message why the folder's imports are limited (shown after what was imported)
 * @property {string[]} folders repository folders (from the root) that relative imports may resolve into
 * @property {string[]} [typeOnly] folders that may be imported only with `import type`
 * @property {Record<string, string[]>} [values] named exceptions to `typeOnly`: file → names it may import as values
 * @property {string[]} [packages] the only packages allowed (exact name, or `scope/*`); omit to allow all but `deniedPackages`
 * @property {string[]} [deniedPackages] packages refused when `packages` is omitted (exact name, or `scope/*`)
 */

const NODE_BUILTINS = new Set(builtinModules);

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageName(/** @type {string} */ spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}

function packageMatches(/** @type {string} */ name, /** @type {string[]} */ list) {
  return list.some((p) => (p.endsWith('/*') ? name.startsWith(p.slice(0, -1)) : name === p));
}

const inFolder = (/** @type {string} */ path, /** @type {string} */ folder) =>
  path === folder || path.startsWith(folder + '/');

/** The repository-relative path (with `/`) an import resolves to, or null for a package. */
function resolvedPath(/** @type {import('eslint').Rule.RuleContext} */ context, /** @type {string} */ spec) {
  if (!spec.startsWith('.') && !spec.startsWith('/')) return null;
  const absolute = resolve(dirname(context.filename), spec);
  return relative(context.cwd, absolute).split(sep).join('/');
}

/** @typedef {import('@typescript-eslint/utils').TSESTree.ImportDeclaration} ImportDeclaration */
/** @typedef {import('@typescript-eslint/utils').TSESTree.ExportNamedDeclaration} ExportNamedDeclaration */
/** @typedef {import('@typescript-eslint/utils').TSESTree.ExportAllDeclaration} ExportAllDeclaration */
/** @typedef {import('@typescript-eslint/utils').TSESTree.ImportExpression} ImportExpression */
/** @typedef {import('@typescript-eslint/utils').TSESTree.TSImportType} TSImportType */
/** @typedef {import('@typescript-eslint/utils').TSESTree.Identifier | import('@typescript-eslint/utils').TSESTree.StringLiteral} ModuleName */

const nameOf = (/** @type {ModuleName} */ n) => ('name' in n ? n.name : n.value);

/** The names an import or re-export takes as values (`*` for a namespace or default import). */
function valueNames(/** @type {ImportDeclaration | ExportNamedDeclaration} */ node) {
  if ('importKind' in node)
    return node.specifiers
      .filter((s) => !('imported' in s) || s.importKind !== 'type')
      .map((s) => ('imported' in s ? nameOf(s.imported) : '*'));
  return node.specifiers.filter((s) => s.exportKind !== 'type').map((s) => nameOf(s.local));
}

/**
 * Every module a file imports: the source text, whether the import is erased at build (type-only), and the names it
 * takes as values.
 * @param {(node: import('estree').Node, spec: string, typeOnly: boolean, values: string[]) => void} check
 * @returns {import('eslint').Rule.RuleListener}
 */
function importVisitors(check) {
  const report = (
    /** @type {unknown} */ node,
    /** @type {string} */ spec,
    /** @type {boolean} */ typeOnly,
    /** @type {string[]} */ values,
  ) => check(/** @type {import('estree').Node} */ (node), spec, typeOnly, values);
  return {
    ImportDeclaration(estreeNode) {
      const node = /** @type {ImportDeclaration} */ (/** @type {unknown} */ (estreeNode));
      const values = node.importKind === 'type' ? [] : valueNames(node);
      // a side-effect import (`import './x.ts'`) has no names but runs the module
      report(
        node,
        node.source.value,
        node.importKind === 'type' || (node.specifiers.length > 0 && values.length === 0),
        values,
      );
    },
    ExportNamedDeclaration(estreeNode) {
      const node = /** @type {ExportNamedDeclaration} */ (/** @type {unknown} */ (estreeNode));
      if (!node.source) return;
      const values = node.exportKind === 'type' ? [] : valueNames(node);
      report(node, node.source.value, values.length === 0, values);
    },
    ExportAllDeclaration(estreeNode) {
      const node = /** @type {ExportAllDeclaration} */ (/** @type {unknown} */ (estreeNode));
      report(node, node.source.value, node.exportKind === 'type', node.exportKind === 'type' ? [] : ['*']);
    },
    ImportExpression(estreeNode) {
      const node = /** @type {ImportExpression} */ (/** @type {unknown} */ (estreeNode));
      if ('value' in node.source && typeof node.source.value === 'string')
        report(node, node.source.value, false, ['*']);
    },
    /** @param {unknown} tsNode */
    TSImportType(tsNode) {
      const node = /** @type {TSImportType} */ (tsNode);
      if ('literal' in node.argument && 'value' in node.argument.literal) {
        const value = node.argument.literal.value;
        if (typeof value === 'string') report(node, value, true, []);
      }
    },
  };
}

/** @type {import('eslint').Rule.RuleModule} */
const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'What the files of one folder may import (the layer rules of ARCHITECTURE.md).' },
    schema: [
      {
        type: 'object',
        properties: {
          message: { type: 'string' },
          folders: { type: 'array', items: { type: 'string' } },
          typeOnly: { type: 'array', items: { type: 'string' } },
          values: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
          packages: { type: 'array', items: { type: 'string' } },
          deniedPackages: { type: 'array', items: { type: 'string' } },
        },
        required: ['message', 'folders'],
        additionalProperties: false,
      },
    ],
    messages: { refused: '"{{spec}}" {{what}}. {{why}}' },
  },
  create(context) {
    /** @type {unknown} */
    const given = context.options[0];
    const options = /** @type {LayerOptions} */ (given);
    /** @param {import('estree').Node} node @param {string} spec @param {string} what */
    const refuse = (node, spec, what) =>
      context.report({ node, messageId: 'refused', data: { spec, what, why: options.message } });
    return importVisitors((node, spec, typeOnly, valueNames) => {
      const path = resolvedPath(context, spec);
      if (path === null) {
        const name = packageName(spec.replace(/^node:/, ''));
        if (spec.startsWith('node:') || NODE_BUILTINS.has(name)) return refuse(node, spec, 'is Node.js I/O');
        const allowed = options.packages
          ? packageMatches(name, options.packages)
          : !packageMatches(name, options.deniedPackages ?? []);
        if (!allowed) refuse(node, spec, `is the package ${name}, not allowed here`);
        return;
      }
      if (path.startsWith('../')) return refuse(node, spec, 'is outside the repository');
      if (options.folders.some((f) => inFolder(path, f))) return;
      if ((options.typeOnly ?? []).some((f) => inFolder(path, f))) {
        const exceptions = options.values?.[path] ?? [];
        const values = valueNames.filter((n) => !exceptions.includes(n));
        if (typeOnly || values.length === 0) return;
        return refuse(
          node,
          spec,
          `imports values (${values.join(', ')}) from ${path}, where only types may be imported`,
        );
      }
      refuse(node, spec, `is ${path}`);
    });
  },
};

const FEATURE = /^src\/features\/([^/]+)\//;
const REPOSITORY = /^src\/features\/([^/]+)\/(repository\.ts|repositories\/)/;

/** @type {import('eslint').Rule.RuleModule} */
const noForeignRepository = {
  meta: {
    type: 'problem',
    docs: { description: "A feature calls another feature's use cases, never its repository." },
    schema: [],
    messages: {
      refused:
        '"{{spec}}" is the repository of the feature {{other}}. A feature does not read or write another feature\'s tables: call the use cases of src/features/{{other}}/ instead, so its rules (access, validation, audit) always apply.',
    },
  },
  create(context) {
    const own = FEATURE.exec(relative(context.cwd, context.filename).split(sep).join('/'))?.[1];
    if (own === undefined) return {};
    return importVisitors((node, spec) => {
      const path = resolvedPath(context, spec);
      const other = path === null ? undefined : REPOSITORY.exec(path)?.[1];
      if (other !== undefined && other !== own)
        context.report({ node, messageId: 'refused', data: { spec, other } });
    });
  },
};

const GRANT = 'src/server/access/grant-tenant.ts';
/** Who may mark an id as a tenant's: the access layer after its checks, the operator's tools, test support. */
const GRANTERS = ['src/server/access', 'src/cli', 'src/db/seed', 'tests/support'];

/** @type {import('eslint').Rule.RuleModule} */
const tenantGrant = {
  meta: {
    type: 'problem',
    docs: { description: 'Only the access layer produces a TenantId.' },
    schema: [],
    messages: {
      imported:
        '"{{spec}}" makes any id a TenantId. Only src/server/access (after its checks), src/cli, src/db/seed and tests/support may: take the tenant from member(request) or managedTenant() instead.',
      cast: 'A cast to TenantId skips the access checks. Take the tenant from member(request) or managedTenant() (src/server/access) instead.',
    },
  },
  create(context) {
    const file = relative(context.cwd, context.filename).split(sep).join('/');
    if (GRANTERS.some((f) => inFolder(file, f))) return {};
    /** @param {unknown} node */
    const castsToTenant = (node) => {
      const n = /** @type {{ typeAnnotation?: { type?: string, typeName?: { name?: string } } }} */ (node);
      return n.typeAnnotation?.type === 'TSTypeReference' && n.typeAnnotation.typeName?.name === 'TenantId';
    };
    return {
      ...importVisitors((node, spec) => {
        if (resolvedPath(context, spec) === GRANT)
          context.report({ node, messageId: 'imported', data: { spec } });
      }),
      /** @param {unknown} node */
      TSAsExpression(node) {
        if (castsToTenant(node))
          context.report({ node: /** @type {import('estree').Node} */ (node), messageId: 'cast' });
      },
      /** @param {unknown} node */
      TSTypeAssertion(node) {
        if (castsToTenant(node))
          context.report({ node: /** @type {import('estree').Node} */ (node), messageId: 'cast' });
      },
    };
  },
};

export default {
  rules: {
    'layer-imports': layerImports,
    'no-foreign-repository': noForeignRepository,
    'tenant-grant': tenantGrant,
  },
};
