/**
 * An organisation's own section profiles (JSON files added on the options
 * page), kept in extension storage and registered with lib/profiles in every
 * part that analyses or lists profiles (background, panel, options).
 */
import { z } from 'zod';
import { registerProfile, unregisterProfile } from '@/lib/profiles';
import { defineStoredSetting } from './stored-setting';

const CustomProfilesSchema = z.object({ profiles: z.array(z.unknown()) });

export const customProfiles = defineStoredSetting('local:customProfiles', CustomProfilesSchema, { profiles: [] });

let registered: string[] = [];

/** Registers the stored profiles (replacing earlier ones); invalid entries are skipped and named. */
export async function registerCustomProfiles(): Promise<{ names: string[]; errors: string[] }> {
  for (const name of registered) unregisterProfile(name);
  registered = [];
  const errors: string[] = [];
  for (const p of (await customProfiles.get()).profiles) {
    try {
      registered.push(registerProfile(p).name);
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  return { names: [...registered], errors };
}

/** Validates and stores a profile; throws a Swedish message when it is not a valid profile. */
export async function addCustomProfile(json: string): Promise<string> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error('Filen är inte giltig JSON.');
  }
  const name = registerProfile(data).name; // validates (throws ProfileError in Swedish)
  const rest = (await customProfiles.get()).profiles.filter((p) => (p as { name?: string }).name !== name);
  await customProfiles.set({ profiles: [...rest, data] });
  registered = [...new Set([...registered, name])];
  return name;
}

export async function removeCustomProfile(name: string): Promise<void> {
  const rest = (await customProfiles.get()).profiles.filter((p) => (p as { name?: string }).name !== name);
  await customProfiles.set({ profiles: rest });
  unregisterProfile(name);
  registered = registered.filter((n) => n !== name);
}
