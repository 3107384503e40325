// A page opened with parameters (`item?id=…&villageId=…`) keeps each named one in its data under the
// same name, '' when the link lacks it, before its first load reads them: `behaviors: [care, shell,
// queryParams('id')]` and `id: ''` in the page's data. A page that must check or convert a parameter
// (a month, a kind, a number) writes its own onLoad instead, which replaces this one.
import { param } from '../utils/board-share';

interface QueryHost {
  setData(data: Record<string, string>): void;
}

/** The behavior that copies the named parameters of the page's link into its data (decoded). */
export function queryParams(...names: string[]) {
  return Behavior({
    methods: {
      onLoad(this: QueryHost, query: Record<string, string | undefined>) {
        this.setData(Object.fromEntries(names.map((name) => [name, param(query, name)])));
      },
    },
  });
}
