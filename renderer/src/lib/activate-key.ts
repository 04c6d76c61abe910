// SVG shapes drawn as buttons (role="button") do not get a button's keyboard for free: Enter and
// Space must do what a click does.
export function activateByKey(event: KeyboardEvent, action: () => void): void {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    action();
  }
}
