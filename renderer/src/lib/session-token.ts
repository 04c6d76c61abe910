// Browser mode's API token: it arrives once in the printed URL (`?token=`), then lives in this
// tab's sessionStorage so a reload still connects — and leaves the address bar, where history,
// bookmarks and screen shares would keep it.
const KEY = 'kubelab.token';

export interface TokenPlace {
  location: Pick<Location, 'search' | 'pathname' | 'hash'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

export function takeSessionToken(place: TokenPlace): string {
  const params = new URLSearchParams(place.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    place.storage.setItem(KEY, fromUrl);
    params.delete('token');
    const rest = params.size ? `?${params}` : '';
    place.history.replaceState(
      place.history.state,
      '',
      `${place.location.pathname}${rest}${place.location.hash}`,
    );
    return fromUrl;
  }
  return place.storage.getItem(KEY) ?? '';
}
