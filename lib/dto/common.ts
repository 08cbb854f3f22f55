/** Shapes shared by every domain: a page of a list, and the error body. */

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page, or null when this is the last one. */
  nextCursor: string | null;
  hasMore: boolean;
}

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string>; current?: unknown };
}
