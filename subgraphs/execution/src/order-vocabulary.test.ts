// One order vocabulary: the order types and statuses of the platform messages are exactly those of the
// Prisma enums (schema.prisma), the GraphQL enums (schema.graphql), the zod message enum and the
// execution domain (its order-type registry and state list), in the same order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';
import { ORDER_STATUSES, ORDER_TYPES, Order as OrderMessage, OrderType as OrderTypeMessage } from '@aitrader/platform/messages';
import { ORDER_STATES, ORDER_TYPE_SPECS } from './domain';

const prismaSchema = readFileSync(join(__dirname, '..', '..', '..', 'prisma', 'schema.prisma'), 'utf8');
const graphqlSchema = parse(readFileSync(join(__dirname, 'schema.graphql'), 'utf8'));

/** The values of `enum <name> { ... }` in schema.prisma, without comments and block attributes (@@map). */
function prismaEnum(name: string): string[] {
  const body = new RegExp(`^enum ${name} \\{([^}]*)\\}`, 'm').exec(prismaSchema)?.[1];
  if (body === undefined) throw new Error(`schema.prisma has no enum ${name}`);
  return body
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, '').trim())
    .filter((line) => line.length > 0 && !line.startsWith('@@'))
    .map((line) => line.split(/\s+/)[0]!);
}

function graphqlEnum(name: string): string[] {
  const definition = graphqlSchema.definitions.find((d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === name);
  if (definition?.kind !== Kind.ENUM_TYPE_DEFINITION) throw new Error(`schema.graphql has no enum ${name}`);
  return (definition.values ?? []).map((value) => value.name.value);
}

describe('the order vocabulary', () => {
  it('order types agree: messages, zod, Prisma, GraphQL and the order-type registry', () => {
    const types = [...ORDER_TYPES];
    expect(OrderTypeMessage.options).toEqual(types);
    expect(OrderMessage.def.shape.type.options).toEqual(types);
    expect(prismaEnum('OrderType')).toEqual(types);
    expect(graphqlEnum('OrderType')).toEqual(types);
    expect(Object.keys(ORDER_TYPE_SPECS)).toEqual(types);
    expect(Object.entries(ORDER_TYPE_SPECS).every(([type, spec]) => spec.type === type)).toBe(true);
  });

  it('order statuses agree: messages, Prisma, GraphQL and the domain state machine', () => {
    const statuses = [...ORDER_STATUSES];
    expect(prismaEnum('OrderStatus')).toEqual(statuses);
    expect(graphqlEnum('OrderStatus')).toEqual(statuses);
    expect([...ORDER_STATES]).toEqual(statuses);
  });

  it('reads the enums it compares (the parsers see a real list, not an empty one)', () => {
    expect(prismaEnum('OrderSide')).toEqual(['BUY', 'SELL']);
    expect(graphqlEnum('OrderSide')).toEqual(['BUY', 'SELL']);
  });
});
