import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Point } from 'geojson';
import type { ThemeId } from '@kindred/domain';
import type { UkNation } from './alert-limits.constant';

/** A saved area (centre and radius, or a UK nation) with optional themes, for one user. */
@Entity('alerts')
export class AlertEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  name!: string;

  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326, nullable: true })
  centre!: Point | null;

  @Column('int', { name: 'radius_km', nullable: true })
  radiusKm!: number | null;

  @Column('text', { nullable: true })
  region!: UkNation | null;

  @Column('text', { name: 'place_name', nullable: true })
  placeName!: string | null;

  @Column('text', { array: true, default: () => `'{}'` })
  themes!: ThemeId[];

  @Column('boolean', { name: 'email_digest', default: false })
  emailDigest!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
