'use client';
// The order ticket: MARKET or LIMIT, side, quantity and (LIMIT only) limit price, sent with placeOrder.
// A refusal comes back as the payload's typed error; it is shown under the field it names (or, failing
// that, the field its message opens with) or above the form.
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { describedBy, GeneralError } from '@/components/field-error';
import { FormField } from '@/components/form-field';
import { PlaceOrderDocument, type OrderSide, type OrderType, type PlaceOrderMutation } from '@/gql/graphql';
import { newClientOrderId } from '@/lib/client-order-id';
import { fieldNamedIn, formErrorOf, NO_ERRORS, type FormErrors } from '@/lib/field-errors';

const FORM = 'ticket';
const TICKET_FIELDS = ['symbol', 'side', 'type', 'quantity', 'limitPrice'] as const;

type OrderError = NonNullable<PlaceOrderMutation['placeOrder']['error']>;

/** The ticket field an order error is about: the one the API names, else the one its message opens with. */
function fieldOfOrderError(error: OrderError): string | null {
  if (error.field && (TICKET_FIELDS as readonly string[]).includes(error.field)) return error.field;
  if (error.code === 'UNKNOWN_SYMBOL') return 'symbol';
  return fieldNamedIn(error.message, TICKET_FIELDS);
}

export function OrderTicket({ accountId, symbols, onPlaced }: { accountId: string; symbols: string[]; onPlaced: () => void }) {
  const [symbol, setSymbol] = useState('');
  const [side, setSide] = useState<OrderSide>('BUY');
  const [type, setType] = useState<OrderType>('MARKET');
  const [quantity, setQuantity] = useState('');
  const [limitPrice, setLimitPrice] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [placed, setPlaced] = useState<string | null>(null);
  const [{ fetching }, placeOrder] = useMutation(PlaceOrderDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPlaced(null);
    const chosenSymbol = symbol.trim().toUpperCase();
    const qty = quantity.trim() === '' ? Number.NaN : Number(quantity);
    const limit = type === 'LIMIT' && limitPrice.trim() !== '' ? Number(limitPrice) : undefined;
    const local: Record<string, string> = {};
    if (!chosenSymbol) local.symbol = 'Enter a symbol.';
    if (!Number.isFinite(qty)) local.quantity = 'Enter a quantity.';
    if (limit !== undefined && !Number.isFinite(limit)) local.limitPrice = 'Enter a limit price.';
    if (Object.keys(local).length) return setErrors({ fields: local, general: null });

    const result = await placeOrder({
      input: { accountId, clientOrderId: newClientOrderId(), symbol: chosenSymbol, side, type, quantity: qty, ...(limit !== undefined ? { limitPrice: limit } : {}) },
    });
    const payload = result.data?.placeOrder;
    if (payload?.error) return setErrors(formErrorOf(payload.error.message, fieldOfOrderError(payload.error), TICKET_FIELDS));
    if (!payload?.order) return setErrors({ fields: {}, general: result.error?.message ?? 'The order was not placed.' });
    setErrors(NO_ERRORS);
    setPlaced(`Order ${payload.order.id} for ${payload.order.symbol}: ${payload.order.status}.`);
    onPlaced();
  };

  return (
    <section className="panel" aria-labelledby="ticket-h">
      <h2 id="ticket-h">Order ticket</h2>
      <form className="ticket" onSubmit={submit} noValidate data-testid="order-ticket">
        <GeneralError errors={errors} testId="ticket-error" />
        <FormField id="ticket-symbol" label="Symbol" form={FORM} field="symbol" errors={errors}>
          <input id="ticket-symbol" name="symbol" list="ticket-symbols" autoComplete="off" placeholder={symbols[0] ?? 'AAPL'} value={symbol} onChange={(e) => setSymbol(e.target.value)} {...describedBy(errors, FORM, 'symbol')} />
          <datalist id="ticket-symbols">
            {symbols.map((s) => <option key={s} value={s} />)}
          </datalist>
        </FormField>
        <div className="row">
          <FormField id="ticket-side" label="Side" form={FORM} field="side" errors={errors}>
            <select id="ticket-side" name="side" value={side} onChange={(e) => setSide(e.target.value as OrderSide)} {...describedBy(errors, FORM, 'side')}>
              <option value="BUY">Buy</option>
              <option value="SELL">Sell</option>
            </select>
          </FormField>
          <FormField id="ticket-type" label="Type" form={FORM} field="type" errors={errors}>
            <select id="ticket-type" name="type" value={type} onChange={(e) => setType(e.target.value as OrderType)} {...describedBy(errors, FORM, 'type')}>
              <option value="MARKET">Market</option>
              <option value="LIMIT">Limit</option>
            </select>
          </FormField>
        </div>
        <FormField id="ticket-quantity" label="Quantity" form={FORM} field="quantity" errors={errors}>
          <input id="ticket-quantity" name="quantity" type="number" inputMode="decimal" step="any" value={quantity} onChange={(e) => setQuantity(e.target.value)} {...describedBy(errors, FORM, 'quantity')} />
        </FormField>
        {type === 'LIMIT' ? (
          <FormField id="ticket-limit-price" label="Limit price" form={FORM} field="limitPrice" errors={errors}>
            <input id="ticket-limit-price" name="limitPrice" type="number" inputMode="decimal" step="0.01" value={limitPrice} onChange={(e) => setLimitPrice(e.target.value)} {...describedBy(errors, FORM, 'limitPrice')} />
          </FormField>
        ) : null}
        <button type="submit" className="primary" disabled={fetching}>
          Place order
        </button>
        {placed ? <p role="status" data-testid="ticket-result">{placed}</p> : null}
      </form>
    </section>
  );
}
