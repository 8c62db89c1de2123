'use client';

import { useMutation } from '@tanstack/react-query';
import { ArrowDown, ArrowUp, Cpu, Plus, Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import { Button, FormMessage, StatusMessage, SubmitButton } from '@/app/_components/Form';
import { FormErrorSummary, useFormErrors } from '@/app/_components/FormErrors';
import { EmptyState } from '@/app/_components/Page';
import { useRouter } from '@/app/_i18n/navigation';
import { useTRPC } from '@/app/_trpc/client';
import { focusFirstError, TextInput } from '@/app/[locale]/(workspace)/_forms/inputs';

type Technology = { id: number; nameEn: string; nameZh: string | null; version: number };
type Item = { key: string; id?: number; nameEn: string; nameZh: string };

let nextKey = 0;
const toItems = (list: Technology[]): Item[] => list.map((t) => ({ key: `t${t.id}`, id: t.id, nameEn: t.nameEn, nameZh: t.nameZh ?? '' }));

/** The ordered short list, edited as a whole and saved in one step against the list it started from. */
export function TechnologiesEditor({ labId, technologies, max }: { labId: number; technologies: Technology[]; max: number }) {
  const t = useTranslations('labSettings.technologies');
  const tf = useTranslations('forms');
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.labSettings.setTechnologies.mutationOptions());
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [items, setItems] = useState<Item[]>(() => toItems(technologies));
  const [loaded, setLoaded] = useState(technologies);
  const [saved, setSaved] = useState(false);

  // After a save or a reload, start again from what the server has now.
  if (loaded !== technologies) {
    setLoaded(technologies);
    setItems(toItems(technologies));
  }

  function update(index: number, patch: Partial<Item>) {
    setSaved(false);
    setItems((list) => list.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  }
  function move(index: number, by: -1 | 1) {
    setSaved(false);
    setItems((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    setSaved(false);
    try {
      await save.mutateAsync({
        labId,
        expected: loaded.map((x) => ({ id: x.id, version: x.version })),
        items: items.map((i) => ({ id: i.id, nameEn: i.nameEn, nameZh: i.nameZh })),
      });
      setSaved(true);
      router.refresh();
    } catch (error) {
      errors.set(error);
      focusFirstError(formRef.current);
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {items.length === 0 ? (
        <EmptyState icon={<Cpu aria-hidden className="size-8" />}>{t('empty')}</EmptyState>
      ) : (
        <ol className="flex flex-col gap-3">
          {items.map((item, index) => (
            <li key={item.key} className="rounded-lg border border-line p-3">
              <div className="flex flex-col gap-3 md:flex-row md:items-start">
                <span aria-hidden className="num w-6 pt-8 text-sm font-medium text-muted max-md:hidden">
                  {index + 1}.
                </span>
                <div className="grid flex-1 gap-3 sm:grid-cols-2">
                  <TextInput
                    id={`tech-${item.key}-en`}
                    name={`items.${index}.nameEn`}
                    label={t('nameEn', { n: index + 1 })}
                    required
                    value={item.nameEn}
                    onChange={(v) => update(index, { nameEn: v })}
                    error={errors.fields[`items.${index}.nameEn`]}
                  />
                  <TextInput
                    id={`tech-${item.key}-zh`}
                    name={`items.${index}.nameZh`}
                    label={t('nameZh', { n: index + 1 })}
                    value={item.nameZh}
                    onChange={(v) => update(index, { nameZh: v })}
                    error={errors.fields[`items.${index}.nameZh`]}
                  />
                </div>
                <div className="flex gap-1 md:pt-7">
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    aria-label={t('moveUp', { n: index + 1 })}
                  >
                    <ArrowUp aria-hidden className="size-4" />
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={index === items.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={t('moveDown', { n: index + 1 })}
                  >
                    <ArrowDown aria-hidden className="size-4" />
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => {
                      setSaved(false);
                      setItems((list) => list.filter((_, i) => i !== index));
                    }}
                    aria-label={t('remove', { n: index + 1 })}
                  >
                    <Trash2 aria-hidden className="size-4" />
                  </Button>
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
      <div>
        <Button
          variant="secondary"
          size="sm"
          disabled={items.length >= max}
          onClick={() => {
            setSaved(false);
            setItems((list) => [...list, { key: `n${nextKey++}`, nameEn: '', nameZh: '' }]);
          }}
        >
          <Plus aria-hidden className="size-4" />
          {t('add')}
        </Button>
        {items.length >= max ? <p className="mt-1 text-xs text-muted">{t('full', { max })}</p> : null}
      </div>
      {errors.fields.items ? <FormMessage>{errors.fields.items}</FormMessage> : null}
      <FormErrorSummary errors={errors} />
      <StatusMessage>{saved ? t('saved') : null}</StatusMessage>
      <div className="border-t border-line pt-4">
        <SubmitButton pending={save.isPending} pendingLabel={tf('saving')}>
          {t('save')}
        </SubmitButton>
      </div>
    </form>
  );
}
