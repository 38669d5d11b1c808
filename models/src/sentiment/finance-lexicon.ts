// A small finance sentiment lexicon written for this project (not copied from a published list).
// Each entry becomes a short training example (weighted like a headline), so words and phrases that are rare
// in the headline set still get a sensible weight, and every entry is in the WordPiece vocabulary.
// Inflections are spelled out because the vocabulary only shares a stem when both forms occur.
// Ambiguous words stay out ("raises" alone: guidance vs. concerns); phrases carry them instead.
import { SentimentLabel } from './labels';

export const FINANCE_LEXICON: Readonly<Record<SentimentLabel, readonly string[]>> = {
  positive: [
    'beat', 'beats', 'beating', 'tops', 'topped', 'surpasses', 'surpassed', 'exceeds', 'exceeded',
    'surge', 'surges', 'surged', 'surging', 'soar', 'soars', 'soared', 'soaring', 'jump', 'jumps', 'jumped',
    'rally', 'rallies', 'rallied', 'climb', 'climbs', 'climbed', 'gain', 'gains', 'gained', 'rise', 'rises',
    'rose', 'rising', 'rebound', 'rebounds', 'rebounded', 'recover', 'recovers', 'recovered', 'recovery',
    'upgrade', 'upgrades', 'upgraded', 'outperform', 'overweight', 'bullish', 'upbeat', 'optimistic',
    'strong', 'stronger', 'strongest', 'robust', 'solid', 'record', 'boost', 'boosts', 'boosted', 'lift',
    'lifts', 'lifted', 'accelerates', 'accelerated', 'expands', 'expanded', 'improves', 'improved',
    'profitable', 'windfall', 'buyback', 'approval', 'approved', 'wins', 'won', 'award', 'awarded',
    'better-than-expected', 'above expectations', 'above estimates', 'tops estimates', 'beats estimates',
    'beats forecasts', 'raises guidance', 'raises outlook', 'raises forecast', 'raises dividend',
    'hikes dividend', 'increases dividend', 'record high', 'all-time high', 'record profit',
    'loss narrows', 'narrower loss', 'returns to profit', 'swings to profit', 'price target raised',
  ],
  negative: [
    'miss', 'misses', 'missed', 'missing', 'plunge', 'plunges', 'plunged', 'plunging', 'tumble', 'tumbles',
    'tumbled', 'slump', 'slumps', 'slumped', 'sink', 'sinks', 'sank', 'slide', 'slides', 'slid', 'fall',
    'falls', 'fell', 'falling', 'drop', 'drops', 'dropped', 'decline', 'declines', 'declined', 'crash',
    'crashes', 'crashed', 'slash', 'slashes', 'slashed', 'downgrade', 'downgrades', 'downgraded',
    'underperform', 'underweight', 'bearish', 'weak', 'weaker', 'weakest', 'weakness', 'disappoint',
    'disappoints', 'disappointing', 'disappointed', 'loss', 'losses', 'widens', 'widened', 'warning',
    'warns', 'warned', 'layoffs', 'lays', 'recall', 'recalls', 'recalled', 'fined', 'fine', 'penalty',
    'lawsuit', 'lawsuits', 'sued', 'probe', 'investigation', 'fraud', 'bankruptcy', 'bankrupt', 'default',
    'writedown', 'impairment', 'halts', 'halted', 'suspends', 'suspended', 'fails', 'failed', 'failure',
    'collapse', 'collapses', 'collapsed', 'slowdown', 'recession', 'shortfall', 'delays', 'delayed',
    'breach', 'outage', 'glut', 'headwinds', 'downturn', 'worst', 'lowest', 'fears',
    'falls short', 'fails to', 'cuts guidance', 'cuts outlook', 'cuts forecast', 'cuts dividend',
    'lowers guidance', 'lowers outlook', 'job cuts', 'cuts jobs', 'lay off', 'profit warning',
    'below expectations', 'below estimates', 'wider loss', 'loss widens', 'not expected to',
    'no longer expects', 'unable to', 'price target cut', 'weighs on', 'worse than expected',
  ],
  neutral: [
    'announces', 'announce', 'report', 'reports', 'to report', 'schedules', 'scheduled', 'appoints',
    'appointed', 'names', 'named', 'declares', 'declares dividend', 'quarterly dividend', 'regular dividend',
    'to present', 'presents', 'conference', 'webcast', 'conference call', 'annual meeting', 'meeting',
    'files', 'filing', 'completes', 'completed', 'launches', 'unveils', 'introduces', 'releases',
    'rebalance', 'rebalancing', 'reconstitution', 'index review', 'to join', 'to be added', 'steady',
    'unchanged', 'in line', 'maintains', 'reaffirms', 'affirms', 'reiterates', 'initiates coverage',
    'neutral', 'hold', 'equal-weight', 'due', 'to acquire', 'agrees to buy', 'to buy', 'partners',
    'partnership', 'agreement', 'chief executive', 'chief financial officer', 'board', 'director',
    'ticker', 'listing', 'stock split', 'to hold', 'to host', 'to release', 'data', 'figures',
    'little changed', 'flat', 'mixed', 'awaits', 'ahead of',
  ],
};

/** Weight of one lexicon example relative to one headline. */
export const LEXICON_EXAMPLE_WEIGHT = 1;
