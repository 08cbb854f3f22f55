"use client";

import { useQuery } from "@tanstack/react-query";
import type { RatingScaleDTO } from "@/lib/admin-schemas";
import { ratingsQuery } from "./hooks";
import { NewRatingForm } from "./new-rating-form";
import { RatingRow } from "./rating-row";

/** The default scale as an editable table, then the form that adds a verdict. */
export function ScaleEditor({ initial }: { initial: RatingScaleDTO }) {
  const { data = initial } = useQuery({ ...ratingsQuery(), initialData: initial });
  return (
    <div className="space-y-8">
      <section aria-labelledby="scale-title" className="space-y-3">
        <h2 id="scale-title" className="font-serif text-xl font-bold">
          {data.scale.name} <span className="text-base font-normal text-muted">({data.items.length} verdicts)</span>
        </h2>
        <div className="overflow-x-auto rounded border border-rule bg-white">
          <table className="w-full min-w-[54rem] border-collapse text-left text-sm">
            <thead className="border-b border-rule bg-stone-50 text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="w-16 px-2 py-2 font-semibold">Order</th>
                <th scope="col" className="px-2 py-2 font-semibold">Key, label and description</th>
                <th scope="col" className="w-44 px-2 py-2 font-semibold">Colour</th>
                <th scope="col" className="w-20 px-2 py-2 font-semibold">Value</th>
                <th scope="col" className="w-36 px-2 py-2 font-semibold">Badge</th>
                <th scope="col" className="w-28 px-2 py-2 font-semibold">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((rating) => (
                <RatingRow key={rating.id} rating={rating} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <NewRatingForm nextPosition={Math.max(0, ...data.items.map((r) => r.position)) + 1} />
    </div>
  );
}
