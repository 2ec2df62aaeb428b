// Tag expressions select resources by their tags: `env=dev AND NOT escher:skip=true`,
// with OR, parentheses, `!=` and bare keys (the tag exists). Parsed once into a tree so
// a bad expression is refused when the job is defined, not when it runs.

export type TagExpression =
  | { kind: 'eq'; key: string; value: string }
  | { kind: 'ne'; key: string; value: string }
  | { kind: 'has'; key: string }
  | { kind: 'not'; operand: TagExpression }
  | { kind: 'and' | 'or'; left: TagExpression; right: TagExpression };

export class TagExpressionError extends Error {
  override name = 'TagExpressionError';
  constructor(
    message: string,
    /** Character offset where the problem was found. */
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
  }
}

type Token = { type: 'word' | 'op' | '(' | ')' | 'end'; text: string; pos: number };

const WORD = /[A-Za-z0-9_.:/@+\-*]/;
const KEYWORDS = new Set(['AND', 'OR', 'NOT']);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ type: c, text: c, pos: i++ });
    } else if (c === '=' || (c === '!' && source[i + 1] === '=')) {
      const text = c === '=' ? '=' : '!=';
      tokens.push({ type: 'op', text, pos: i });
      i += text.length;
    } else if (c === '"') {
      const end = source.indexOf('"', i + 1);
      if (end < 0) throw new TagExpressionError('unterminated quoted value', i);
      tokens.push({ type: 'word', text: source.slice(i + 1, end), pos: i });
      i = end + 1;
    } else if (WORD.test(c)) {
      const start = i;
      while (i < source.length && WORD.test(source[i] as string)) i++;
      tokens.push({ type: 'word', text: source.slice(start, i), pos: start });
    } else {
      throw new TagExpressionError(`unexpected character "${c}"`, i);
    }
  }
  tokens.push({ type: 'end', text: '', pos: source.length });
  return tokens;
}

/** Parses a tag expression; throws TagExpressionError naming the position of the problem. */
export function parseTagExpression(source: string): TagExpression {
  const tokens = tokenize(source);
  let at = 0;
  const peek = () => tokens[at] as Token;
  const isKeyword = (word: string) => peek().type === 'word' && peek().text.toUpperCase() === word;

  const orExpr = (): TagExpression => {
    let left = andExpr();
    while (isKeyword('OR')) {
      at++;
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  };
  const andExpr = (): TagExpression => {
    let left = notExpr();
    while (isKeyword('AND')) {
      at++;
      left = { kind: 'and', left, right: notExpr() };
    }
    return left;
  };
  const notExpr = (): TagExpression => {
    if (isKeyword('NOT')) {
      at++;
      return { kind: 'not', operand: notExpr() };
    }
    return primary();
  };
  const primary = (): TagExpression => {
    const token = peek();
    if (token.type === '(') {
      at++;
      const inner = orExpr();
      if (peek().type !== ')') throw new TagExpressionError('expected ")"', peek().pos);
      at++;
      return inner;
    }
    if (token.type !== 'word' || KEYWORDS.has(token.text.toUpperCase())) {
      throw new TagExpressionError(
        token.type === 'end' ? 'expected a tag' : `expected a tag, found "${token.text}"`,
        token.pos,
      );
    }
    at++;
    const op = peek();
    if (op.type !== 'op') return { kind: 'has', key: token.text };
    at++;
    const value = peek();
    if (value.type !== 'word') throw new TagExpressionError(`expected a value after "${op.text}"`, value.pos);
    at++;
    return { kind: op.text === '=' ? 'eq' : 'ne', key: token.text, value: value.text };
  };

  const tree = orExpr();
  if (peek().type !== 'end') throw new TagExpressionError(`unexpected "${peek().text}"`, peek().pos);
  return tree;
}

/** True when `tags` satisfy the expression. A missing tag never equals a value. */
export function matchesTags(expr: TagExpression, tags: Readonly<Record<string, string>>): boolean {
  switch (expr.kind) {
    case 'eq':
      return tags[expr.key] === expr.value;
    case 'ne':
      return tags[expr.key] !== expr.value;
    case 'has':
      return Object.hasOwn(tags, expr.key);
    case 'not':
      return !matchesTags(expr.operand, tags);
    case 'and':
      return matchesTags(expr.left, tags) && matchesTags(expr.right, tags);
    case 'or':
      return matchesTags(expr.left, tags) || matchesTags(expr.right, tags);
  }
}
