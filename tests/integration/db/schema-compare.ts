// Compares a live PostgreSQL schema with prisma/schema.prisma: builds the shape the schema implies from
// Prisma's DMMF (getDMMF from @prisma/internals, offline WASM), reads the actual shape from
// information_schema/pg_catalog, and lists every difference in both directions (tables, columns, types,
// nullability, defaults, primary keys, unique and plain indexes, foreign keys, enums).
// Limitation: DMMF does not expose relation `map:` names, so foreign keys are expected under Prisma's
// default name <table>_<columns>_fkey; keep relation names default (or extend this helper).
import { readFileSync } from 'node:fs';
import { getDMMF } from '@prisma/internals';
import { Client } from 'pg';

export interface ColumnShape {
  type: string;
  nullable: boolean;
  default: string | null;
}

export interface ForeignKeyShape {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: { name: string; columns: string[] } | null;
  /** Unique indexes (and unique constraints) other than the primary key: name -> columns. */
  uniques: Record<string, string[]>;
  /** Non-unique indexes: name -> columns (with " DESC" where descending). */
  indexes: Record<string, string[]>;
  foreignKeys: Record<string, ForeignKeyShape>;
}

export interface SchemaShape {
  tables: Record<string, TableShape>;
  /** Enum type name -> values in order. */
  enums: Record<string, string[]>;
}

/** Tables that exist in the database but are not Prisma models. */
export const IGNORED_TABLES = ['_prisma_migrations'];

const POSTGRES_MAX_IDENTIFIER = 63;

// ---- Expected shape from the Prisma schema --------------------------------------------------------

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt?: boolean;
  hasDefaultValue: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}

interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName?: string | null }[];
}

interface DmmfIndex {
  model: string;
  type: 'id' | 'normal' | 'unique' | 'fulltext';
  dbName?: string | null;
  fields: { name: string; sortOrder?: 'asc' | 'desc' }[];
}

interface DmmfDatamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
}

/** Parses a Prisma schema text into the DMMF datamodel (offline). */
export async function loadDatamodel(schemaText: string): Promise<DmmfDatamodel> {
  const dmmf = await getDMMF({ datamodel: schemaText });
  return dmmf.datamodel as unknown as DmmfDatamodel;
}

export async function loadDatamodelFromFile(schemaPath: string): Promise<DmmfDatamodel> {
  return loadDatamodel(readFileSync(schemaPath, 'utf8'));
}

function tableName(model: DmmfModel): string {
  return model.dbName ?? model.name;
}

function columnName(field: DmmfField): string {
  return field.dbName ?? field.name;
}

function enumName(e: DmmfEnum): string {
  return e.dbName ?? e.name;
}

/** Prisma's default constraint/index name, or undefined when it would exceed PostgreSQL's limit. */
function defaultName(table: string, columns: string[], suffix: string): string | undefined {
  const name = columns.length > 0 ? `${table}_${columns.join('_')}_${suffix}` : `${table}_${suffix}`;
  return name.length <= POSTGRES_MAX_IDENTIFIER ? name : undefined;
}

function scalarType(field: DmmfField, enums: Map<string, DmmfEnum>): string {
  if (field.kind === 'enum') {
    const e = enums.get(field.type);
    if (!e) throw new Error(`unknown enum ${field.type}`);
    return `enum:${enumName(e)}`;
  }
  const [native, args = []] = field.nativeType ?? [];
  const withArgs = (base: string) => (args.length > 0 ? `${base}(${args.join(',')})` : base);
  switch (field.type) {
    case 'String':
      if (!native || native === 'Text') return 'text';
      if (native === 'VarChar') return withArgs('varchar');
      if (native === 'Char') return withArgs('char');
      if (native === 'Uuid') return 'uuid';
      break;
    case 'Int':
      if (!native || native === 'Integer') return 'integer';
      if (native === 'SmallInt') return 'smallint';
      break;
    case 'BigInt':
      if (!native || native === 'BigInt') return 'bigint';
      break;
    case 'Float':
      if (!native || native === 'DoublePrecision') return 'double precision';
      if (native === 'Real') return 'real';
      break;
    case 'Decimal':
      if (!native) return 'numeric(65,30)';
      if (native === 'Decimal') return withArgs('numeric');
      if (native === 'Money') return 'money';
      break;
    case 'Boolean':
      if (!native || native === 'Boolean') return 'boolean';
      break;
    case 'DateTime':
      if (!native) return 'timestamp(3)';
      if (native === 'Timestamptz') return `timestamptz(${args[0] ?? '6'})`;
      if (native === 'Timestamp') return `timestamp(${args[0] ?? '6'})`;
      if (native === 'Date') return 'date';
      break;
    case 'Json':
      if (!native || native === 'JsonB') return 'jsonb';
      if (native === 'Json') return 'json';
      break;
    case 'Bytes':
      if (!native || native === 'ByteA') return 'bytea';
      break;
  }
  throw new Error(`schema-compare: no mapping for ${field.name} ${field.type} @db.${native ?? ''} — extend scalarType()`);
}

function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function expectedDefault(table: string, field: DmmfField, enums: Map<string, DmmfEnum>): string | null {
  if (!field.hasDefaultValue || field.default === undefined) return null;
  const value = field.default;
  if (typeof value === 'object' && value !== null && 'name' in value) {
    const fn = value as { name: string; args: unknown[] };
    switch (fn.name) {
      case 'now':
        return 'CURRENT_TIMESTAMP';
      case 'uuid':
      case 'cuid':
      case 'nanoid':
      case 'ulid':
        return null; // generated by Prisma Client, no database default
      case 'autoincrement':
        return `nextval('${table}_${columnName(field)}_seq'::regclass)`;
      case 'dbgenerated':
        return String(fn.args[0] ?? '');
      default:
        throw new Error(`schema-compare: unsupported default function ${fn.name}() on ${table}.${field.name}`);
    }
  }
  if (field.isList) throw new Error(`schema-compare: list defaults not supported (${table}.${field.name})`);
  if (field.kind === 'enum') {
    const e = enums.get(field.type);
    return `${sqlLiteral(String(value))}::${e ? enumName(e) : field.type}`;
  }
  switch (field.type) {
    case 'String':
      return `${sqlLiteral(String(value))}::${scalarType(field, enums) === 'text' ? 'text' : 'character varying'}`;
    case 'Json':
      return `${sqlLiteral(String(value))}::jsonb`;
    case 'Boolean':
      return String(value);
    case 'Int':
    case 'BigInt':
    case 'Float':
    case 'Decimal':
      return String(value);
    default:
      throw new Error(`schema-compare: unsupported default ${JSON.stringify(value)} on ${table}.${field.name}`);
  }
}

/** The database shape prisma/schema.prisma implies (what `prisma migrate` would create). */
export function expectedShape(datamodel: DmmfDatamodel): SchemaShape {
  const enums = new Map(datamodel.enums.map((e) => [e.name, e]));
  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const shape: SchemaShape = { tables: {}, enums: {} };

  for (const e of datamodel.enums) shape.enums[enumName(e)] = e.values.map((v) => v.dbName ?? v.name);

  for (const model of datamodel.models) {
    const table = tableName(model);
    const fieldColumn = (fieldName: string, owner: DmmfModel = model): string => {
      const field = owner.fields.find((f) => f.name === fieldName);
      if (!field) throw new Error(`unknown field ${owner.name}.${fieldName}`);
      return columnName(field);
    };
    const t: TableShape = { columns: {}, primaryKey: null, uniques: {}, indexes: {}, foreignKeys: {} };

    for (const field of model.fields) {
      if (field.kind === 'object') continue;
      if (field.kind === 'unsupported') throw new Error(`schema-compare: Unsupported() field ${model.name}.${field.name}`);
      const base = scalarType(field, enums);
      t.columns[columnName(field)] = {
        type: field.isList ? `${base}[]` : base,
        // Prisma creates scalar lists without NOT NULL.
        nullable: field.isList ? true : !field.isRequired,
        default: expectedDefault(table, field, enums),
      };
    }

    for (const index of datamodel.indexes.filter((i) => i.model === model.name)) {
      const columns = index.fields.map((f) => fieldColumn(f.name));
      const withSort = index.fields.map((f, i) => `${columns[i]}${f.sortOrder === 'desc' ? ' DESC' : ''}`);
      const suffix = { id: 'pkey', unique: 'key', normal: 'idx', fulltext: 'idx' }[index.type];
      const name = index.dbName ?? defaultName(table, index.type === 'id' ? [] : columns, suffix) ?? `<long:${withSort.join(',')}>`;
      if (index.type === 'id') t.primaryKey = { name, columns };
      else if (index.type === 'unique') t.uniques[name] = withSort;
      else if (index.type === 'normal') t.indexes[name] = withSort;
      else throw new Error(`schema-compare: ${index.type} indexes are not supported on PostgreSQL`);
    }

    for (const field of model.fields) {
      if (field.kind !== 'object' || !field.relationFromFields || field.relationFromFields.length === 0) continue;
      const target = models.get(field.type);
      if (!target) throw new Error(`unknown relation target ${field.type}`);
      const columns = field.relationFromFields.map((f) => fieldColumn(f));
      const allRequired = field.relationFromFields.every((f) => model.fields.find((x) => x.name === f)?.isRequired);
      const name = defaultName(table, columns, 'fkey') ?? `<long-fk:${columns.join(',')}>`;
      t.foreignKeys[name] = {
        columns,
        referencedTable: tableName(target),
        referencedColumns: (field.relationToFields ?? []).map((f) => fieldColumn(f, target)),
        onDelete: field.relationOnDelete ?? (allRequired ? 'Restrict' : 'SetNull'),
        onUpdate: field.relationOnUpdate ?? 'Cascade',
      };
    }
    shape.tables[table] = t;
  }
  return shape;
}

// ---- Actual shape from the database ---------------------------------------------------------------

const FK_ACTIONS: Record<string, string> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };

function columnType(row: {
  data_type: string;
  udt_name: string;
  character_maximum_length: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  datetime_precision: number | null;
}): string {
  switch (row.data_type) {
    case 'numeric':
      return row.numeric_precision === null ? 'numeric' : `numeric(${row.numeric_precision},${row.numeric_scale ?? 0})`;
    case 'timestamp with time zone':
      return `timestamptz(${row.datetime_precision ?? 6})`;
    case 'timestamp without time zone':
      return `timestamp(${row.datetime_precision ?? 6})`;
    case 'character varying':
      return row.character_maximum_length === null ? 'varchar' : `varchar(${row.character_maximum_length})`;
    case 'character':
      return `char(${row.character_maximum_length ?? 1})`;
    case 'USER-DEFINED':
      return `enum:${row.udt_name}`;
    case 'ARRAY':
      return `${row.udt_name.replace(/^_/, '')}[]`;
    default:
      return row.data_type;
  }
}

/** Reads tables (except IGNORED_TABLES), columns, keys, indexes, foreign keys and enums of the current schema. */
export async function introspect(client: Client): Promise<SchemaShape> {
  const shape: SchemaShape = { tables: {}, enums: {} };
  const ignored = new Set(IGNORED_TABLES);

  const tables = await client.query<{ table_name: string }>(
    `SELECT c.relname AS table_name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  for (const { table_name } of tables.rows) {
    if (ignored.has(table_name)) continue;
    shape.tables[table_name] = { columns: {}, primaryKey: null, uniques: {}, indexes: {}, foreignKeys: {} };
  }
  const table = (name: string): TableShape | undefined => shape.tables[name];

  const columns = await client.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
    is_nullable: 'YES' | 'NO';
    column_default: string | null;
    character_maximum_length: number | null;
    numeric_precision: number | null;
    numeric_scale: number | null;
    datetime_precision: number | null;
  }>(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
            character_maximum_length, numeric_precision, numeric_scale, datetime_precision
       FROM information_schema.columns WHERE table_schema = current_schema()
      ORDER BY table_name, ordinal_position`,
  );
  for (const row of columns.rows) {
    const t = table(row.table_name);
    if (!t) continue;
    t.columns[row.column_name] = {
      type: columnType(row),
      nullable: row.is_nullable === 'YES',
      default: row.column_default,
    };
  }

  const indexes = await client.query<{
    table_name: string;
    index_name: string;
    is_unique: boolean;
    is_primary: boolean;
    is_partial: boolean;
    method: string;
    columns: (string | null)[];
    descending: boolean[];
  }>(
    `SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS is_unique,
            ix.indisprimary AS is_primary, ix.indpred IS NOT NULL AS is_partial, am.amname AS method,
            array_agg(a.attname::text ORDER BY k.ord) AS columns,
            array_agg((ix.indoption[k.ord - 1] & 1) = 1 ORDER BY k.ord) AS descending
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_am am ON am.oid = i.relam
       JOIN pg_namespace n ON n.oid = t.relnamespace
       CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
       LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = current_schema()
      GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary, ix.indpred, am.amname
      ORDER BY 1, 2`,
  );
  for (const row of indexes.rows) {
    const t = table(row.table_name);
    if (!t) continue;
    const cols = row.columns.map((c) => c ?? '<expression>');
    const withSort = cols.map((c, i) => `${c}${row.descending[i] ? ' DESC' : ''}`);
    // Anything Prisma would not create (partial, non-btree) shows up as a difference.
    const decorated = row.is_partial || row.method !== 'btree' ? [...withSort, `<${row.method}${row.is_partial ? ',partial' : ''}>`] : withSort;
    if (row.is_primary) t.primaryKey = { name: row.index_name, columns: cols };
    else if (row.is_unique) t.uniques[row.index_name] = decorated;
    else t.indexes[row.index_name] = decorated;
  }

  const fks = await client.query<{
    table_name: string;
    constraint_name: string;
    referenced_table: string;
    columns: string[];
    referenced_columns: string[];
    on_delete: string;
    on_update: string;
  }>(
    `SELECT t.relname AS table_name, con.conname AS constraint_name, rt.relname AS referenced_table,
            (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
            (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS referenced_columns,
            con.confdeltype AS on_delete, con.confupdtype AS on_update
       FROM pg_constraint con
       JOIN pg_class t ON t.oid = con.conrelid
       JOIN pg_class rt ON rt.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE con.contype = 'f' AND n.nspname = current_schema()
      ORDER BY 1, 2`,
  );
  for (const row of fks.rows) {
    const t = table(row.table_name);
    if (!t) continue;
    t.foreignKeys[row.constraint_name] = {
      columns: row.columns,
      referencedTable: row.referenced_table,
      referencedColumns: row.referenced_columns,
      onDelete: FK_ACTIONS[row.on_delete] ?? row.on_delete,
      onUpdate: FK_ACTIONS[row.on_update] ?? row.on_update,
    };
  }

  // CHECK / EXCLUDE constraints (NOT NULL is not a pg_constraint row in PG 15) are never created by Prisma.
  const others = await client.query<{ table_name: string; constraint_name: string; contype: string }>(
    `SELECT t.relname AS table_name, con.conname AS constraint_name, con.contype
       FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND con.contype IN ('c', 'x', 't')`,
  );
  for (const row of others.rows) {
    const t = table(row.table_name);
    if (t) t.uniques[`<constraint ${row.contype}:${row.constraint_name}>`] = [];
  }

  const enums = await client.query<{ enum_name: string; values: string[] }>(
    `SELECT t.typname AS enum_name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() GROUP BY t.typname ORDER BY 1`,
  );
  for (const row of enums.rows) shape.enums[row.enum_name] = row.values;

  return shape;
}

// ---- Comparison ----------------------------------------------------------------------------------

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function compareNamed<T>(
  what: string,
  where: string,
  expected: Record<string, T>,
  actual: Record<string, T>,
  out: string[],
): void {
  for (const [name, value] of Object.entries(expected)) {
    if (!(name in actual)) out.push(`${where}: ${what} ${name} ${JSON.stringify(value)} is in schema.prisma but not in the database`);
    else if (!same(actual[name], value))
      out.push(`${where}: ${what} ${name} differs: schema.prisma ${JSON.stringify(value)}, database ${JSON.stringify(actual[name])}`);
  }
  for (const [name, value] of Object.entries(actual)) {
    if (!(name in expected)) out.push(`${where}: ${what} ${name} ${JSON.stringify(value)} is in the database but not in schema.prisma`);
  }
}

/** Every difference between the schema's expected shape and the database's actual shape; [] when equal. */
export function diffShapes(expected: SchemaShape, actual: SchemaShape): string[] {
  const out: string[] = [];
  for (const name of Object.keys(expected.tables)) {
    if (!(name in actual.tables)) out.push(`table ${name} is in schema.prisma but not in the database`);
  }
  for (const name of Object.keys(actual.tables)) {
    if (!(name in expected.tables)) out.push(`table ${name} is in the database but not in schema.prisma`);
  }
  for (const [name, exp] of Object.entries(expected.tables)) {
    const act = actual.tables[name];
    if (!act) continue;
    for (const [col, expCol] of Object.entries(exp.columns)) {
      const actCol = act.columns[col];
      if (!actCol) {
        out.push(`${name}.${col}: column is in schema.prisma but not in the database`);
        continue;
      }
      if (actCol.type !== expCol.type) out.push(`${name}.${col}: type ${actCol.type} in database, ${expCol.type} in schema.prisma`);
      if (actCol.nullable !== expCol.nullable)
        out.push(`${name}.${col}: ${actCol.nullable ? 'nullable' : 'NOT NULL'} in database, ${expCol.nullable ? 'nullable' : 'NOT NULL'} in schema.prisma`);
      if (actCol.default !== expCol.default)
        out.push(`${name}.${col}: default ${actCol.default ?? 'none'} in database, ${expCol.default ?? 'none'} in schema.prisma`);
    }
    for (const col of Object.keys(act.columns)) {
      if (!(col in exp.columns)) out.push(`${name}.${col}: column is in the database but not in schema.prisma`);
    }
    if (!same(exp.primaryKey, act.primaryKey))
      out.push(`${name}: primary key ${JSON.stringify(act.primaryKey)} in database, ${JSON.stringify(exp.primaryKey)} in schema.prisma`);
    compareNamed('unique index', name, exp.uniques, act.uniques, out);
    compareNamed('index', name, exp.indexes, act.indexes, out);
    compareNamed('foreign key', name, exp.foreignKeys, act.foreignKeys, out);
  }
  compareNamed('enum', 'enums', expected.enums, actual.enums, out);
  return out;
}

/** Convenience: differences between prisma/schema.prisma (as text) and the database behind `client`. */
export async function diffSchemaAgainstDatabase(schemaText: string, client: Client): Promise<string[]> {
  return diffShapes(expectedShape(await loadDatamodel(schemaText)), await introspect(client));
}
