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

/**
 * A filter's choices when there may be thousands (stories, speakers): the most frequent few, the
 * one chosen (even when it is not among them), and whether there are others to search for.
 */
export interface FacetDTO {
  options: { id: number; label: string }[];
  selected: { id: number; label: string } | null;
  more: boolean;
}
