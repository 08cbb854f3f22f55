/** Stories: a reference and the full record. */

export interface StoryRef {
  id: number;
  title: string;
}

export interface StoryDTO extends StoryRef {
  description: string | null;
  claimCount: number;
  firstStatedOn: string | null;
  lastStatedOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}
