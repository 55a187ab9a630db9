import { browser } from 'wxt/browser';

/**
 * Chrome/Edge: the toolbar button opens the side panel.
 * Firefox: it toggles the sidebar (sidebarAction has no such behaviour setting).
 */
export function setUpToolbarButton(): void {
  if (browser.sidePanel) {
    browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
      console.error('Remisskollen: kunde inte koppla verktygsknappen till sidopanelen', error);
    });
    return;
  }
  browser.action.onClicked.addListener(() => {
    // sidebarAction exists in Firefox only; toggle() must run inside the click's user gesture.
    void (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction?.toggle();
  });
}
