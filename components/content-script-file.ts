/** Where WXT puts the content script in the build, for `scripting` injection and registration. */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';
