import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ThemeGroup } from '@kindred/domain';

/** The theme taxonomy, seeded by migration from `@kindred/domain`. */
@Entity('themes')
export class ThemeEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  label!: string;

  @Column('text', { name: 'theme_group' })
  group!: ThemeGroup;

  @Column('int')
  position!: number;
}
